/**
 * npm run eval:places [-- --errors] [-- --without places.nationality]
 *
 * Place resolution on the places development set (eval/data/places): Wikinews articles run as raw
 * text through the whole default pipeline; each hand-annotated place mention is looked up among the
 * entities the pipeline found, and the country of the entry it was linked to is compared with the
 * annotated country.
 *
 *  - coverage: mentions of a place in a country that the pipeline resolved (to any entry);
 *  - precision: resolved mentions whose country is right (a sea or continent resolved to a country is wrong);
 *  - ambiguous: the same, for mentions whose name the gazetteer holds in more than one country.
 *
 * Figures are given for the dev documents (read while fixing errors; `--errors` lists theirs) and the
 * held-out ones (never listed). The time the places stage adds is measured in the same run, as a
 * ratio of the rest of the pipeline's time.
 */
import { performance } from 'node:perf_hooks';
import { Doc } from '../src/doc.js';
import { createPipeline } from '../src/extract.js';
import { gazetteer, PLACE_TYPES } from '../src/extract/places/index.js';
import { disabledRules } from '../src/rules/registry.js';
import { docText, loadPlacesSet, type PlacesSetDoc } from './places-set.js';

interface Tally {
  gold: number;
  recognised: number;
  resolved: number;
  /** resolved mentions, including those of places in no one country */
  answered: number;
  correct: number;
  ambiguous: number;
  ambiguousAnswered: number;
  ambiguousCorrect: number;
}

const blank = (): Tally => ({ gold: 0, recognised: 0, resolved: 0, answered: 0, correct: 0, ambiguous: 0, ambiguousAnswered: 0, ambiguousCorrect: 0 });
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');

function main(): void {
  const showErrors = process.argv.includes('--errors');
  const set = loadPlacesSet();
  const g = gazetteer();
  const loadStart = performance.now();
  const pipeline = createPipeline();
  const rest = pipeline.stages.filter((s) => s.name !== 'places');
  const places = pipeline.stages.find((s) => s.name === 'places')!;
  // warm every model (and the gazetteer) on a first document so that loading counts in neither side
  for (const s of pipeline.stages) s.run(new Doc({ text: 'Officials in Beirut said the talks in Tripoli, Libya, would resume.', published: '2020-01-01' }));
  const warm = performance.now() - loadStart;
  const tally = { dev: blank(), heldout: blank() };
  let restMs = 0;
  let placesMs = 0;
  const errors: string[] = [];
  for (const d of set as PlacesSetDoc[]) {
    const doc = new Doc({ id: d.id, text: docText(d), published: d.date ?? null, title: d.title });
    const t0 = performance.now();
    for (const s of rest) s.run(doc);
    const t1 = performance.now();
    places.run(doc);
    const t2 = performance.now();
    restMs += t1 - t0;
    placesMs += t2 - t1;
    const t = tally[d.split];
    for (const gp of d.places) {
      const entity = doc.entities.find((e) => PLACE_TYPES.has(e.type) && e.mentions.some((m) => m.kind === 'name' && m.start < gp.end && m.end > gp.start));
      const countries = new Set(g.lookup(gp.text).map((p) => p.country));
      const ambiguous = countries.size > 1;
      const inCountry = gp.country !== '-';
      if (inCountry) t.gold++;
      if (entity && inCountry) t.recognised++;
      if (inCountry && ambiguous) t.ambiguous++;
      const got = entity?.place;
      if (got) {
        t.answered++;
        if (inCountry) t.resolved++;
        const right = got.country === gp.country;
        if (right) t.correct++;
        if (ambiguous) {
          t.ambiguousAnswered++;
          if (right) t.ambiguousCorrect++;
        }
        if (!right && d.split === 'dev') errors.push(`WRONG  ${gp.text} → ${got.name} (${got.country}, ${got.id}) gold ${gp.country}  [${got.evidence.map((e) => `${e.rule.slice(7)} ${e.weight}`).join(', ')}]  ${d.id}`);
      } else if (inCountry && d.split === 'dev') errors.push(`MISSED ${gp.text} gold ${gp.country}  ${entity ? `entity ${entity.type} '${entity.name}'` : 'not recognised as a place'}  ${countries.size ? `gazetteer: ${[...countries].join(',')}` : 'not in gazetteer'}  ${d.id}`);
    }
  }
  const off = disabledRules().filter((r) => r.startsWith('places.'));
  console.log(`places eval: ${set.length} Wikinews documents${off.length ? `, without ${off.join(', ')}` : ''}; gazetteer ${g.size} entries`);
  console.log('split    mentions  recognised  coverage  precision  (right/resolved)  ambiguous: n  coverage  precision');
  for (const split of ['dev', 'heldout'] as const) {
    const t = tally[split];
    console.log(
      `${split.padEnd(8)} ${String(t.gold).padStart(8)}  ${pct(t.recognised, t.gold).padStart(9)}%  ${pct(t.resolved, t.gold).padStart(7)}%  ${pct(t.correct, t.answered).padStart(8)}%  (${t.correct}/${t.answered})${' '.repeat(Math.max(1, 16 - `${t.correct}/${t.answered}`.length))}${String(t.ambiguous).padStart(5)}  ${pct(t.ambiguousAnswered, t.ambiguous).padStart(7)}%  ${pct(t.ambiguousCorrect, t.ambiguousAnswered).padStart(8)}%`,
    );
  }
  const all = blank();
  for (const t of Object.values(tally)) for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  console.log(`headline: coverage ${pct(all.resolved, all.gold)}% of ${all.gold} place mentions; precision ${pct(all.correct, all.answered)}% (country level, ${all.answered} resolved)`);
  console.log(`time: places stage ${placesMs.toFixed(0)} ms vs the rest of the pipeline ${restMs.toFixed(0)} ms on the same documents: +${pct(placesMs, restMs)}% (gazetteer and models loaded before, ${warm.toFixed(0)} ms; the machine is shared, only the ratio means anything)`);
  if (showErrors) for (const e of errors) console.log(e);
}

main();

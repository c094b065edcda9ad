/**
 * CAMEO → PLOVER. The table is PLOVER's CAMEO2PLOVER-2021.txt (manual draft 0.8, © 2021 Open
 * Event Data Alliance, CC BY-SA 4.0), read by `parseCameoToPlover` and shipped inside the
 * compiled lexicon. Lookup falls back from the 4-digit code to its 3-digit parent and then to
 * the 2-digit cue category, as the manual advises ("everything at the 3- and 4-digit level
 * should simply be reduced to the 2-digit cue category").
 *
 * Our documented decisions where the 2021 table is silent: CAMEO 01 (public statement) has no
 * PLOVER type (statements are Chronicle's quotes layer); CAMEO 02 (appeal) maps to REQUEST,
 * the PLOVER category the manual contrasts APPEAL with.
 */

export interface PloverCode {
  type: string;
  mode: string | null;
  context: string | null;
}

export type CameoToPlover = Record<string, PloverCode>;

export function parseCameoToPlover(text: string): CameoToPlover {
  const out: CameoToPlover = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [type, mode, context] = m[2].split(',').map((s) => s.trim());
    if (!type) continue;
    const code = m[1];
    // 08 appears twice (CONCEDE 081–083, RETREAT 084–087): the cue category keeps the first
    if (code.length === 2 && out[code]) continue;
    if (out[code]) continue; // 175 is listed twice with the same values
    out[code] = { type, mode: mode || null, context: context || null };
  }
  out['02'] ??= { type: 'REQUEST', mode: null, context: null };
  return out;
}

/** The 2-digit CAMEO cue category of a code ("0841" → "08", "190" → "19"). */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

/** PLOVER type/mode for a CAMEO code, or null when PLOVER has no category for it (CAMEO 01). */
export function toPlover(table: CameoToPlover, code: string | null): PloverCode | null {
  if (!code) return null;
  const c = code.replace(/[^0-9]/g, '');
  if (c.length < 2) return null;
  const exact = table[c];
  if (exact) return exact;
  if (c.length > 3 && table[c.slice(0, 3)]) return { ...table[c.slice(0, 3)] };
  const root = table[c.slice(0, 2)];
  return root ? { type: root.type, mode: null, context: root.context } : null;
}

/** PLOVER's quad-class grouping, for the GDELT-like export: 1 verbal coop … 4 material conflict. */
export function quadClass(code: string): number {
  const root = Number(code.slice(0, 2));
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

/**
 * The PLOVER manual's reductions of an act's own type by its factuality: a promised meeting,
 * support, cooperation or aid is AGREE; a promised withdrawal is CONCEDE; any threatened act is
 * THREATEN. (The annotated set labels the act's own type and derives `plover_type` the same way.)
 */
export function reducedPloverType(type: string, factuality: string | null): string {
  if (factuality === 'threatened') return 'THREATEN';
  if (factuality === 'future' && (type === 'CONSULT' || type === 'SUPPORT' || type === 'COOPERATE' || type === 'AID')) return 'AGREE';
  if (factuality === 'future' && type === 'RETREAT') return 'CONCEDE';
  return type;
}

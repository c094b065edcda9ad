/**
 * A FollowTheMoney schema check for exported JSON lines, against FtM's own model: the
 * `defaultModel.json` that Aleph's JavaScript library `@alephdata/followthemoney` ships (MIT,
 * OCCRP), read with that library's Model. Each entity must name a concrete schema, use only
 * properties of that schema or its parents, give values of the property's type (countries and
 * languages from FtM's lists, dates, numbers, URLs, lengths within the type's maximum), hold
 * every property its schema and parents require, and every entity reference must resolve to an
 * entity of the file whose schema is the property's range or a child of it.
 */
import { createRequire } from 'node:module';
import type { IModelDatum, Model as ModelType } from '@alephdata/followthemoney';

const require = createRequire(import.meta.url);
const ftm = require('@alephdata/followthemoney') as { Model: typeof ModelType; defaultModel: IModelDatum };
const { Model } = ftm;
const data = ftm.defaultModel as IModelDatum & {
  schemata: Record<string, { required?: string[]; schemata?: string[] }>;
  types: Record<string, { maxLength?: number; values?: Record<string, string> }>;
};

export const ftmModel = new Model(data);

export interface FtmLine {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Every property a schema requires, its parents' requirements included. */
function required(schema: string): string[] {
  const out = new Set<string>();
  for (const s of data.schemata[schema]?.schemata ?? [schema]) for (const p of data.schemata[s]?.required ?? []) out.add(p);
  return [...out];
}

function typeProblem(type: string, value: string): string | null {
  const t = data.types[type];
  if (t?.maxLength !== undefined && value.length > t.maxLength) return `longer than ${t.maxLength}`;
  switch (type) {
    case 'country': case 'language': case 'gender': case 'topic':
      return t?.values && !(value in t.values) ? `not a ${type} code of FtM` : null;
    case 'date':
      return /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/.test(value) ? null : 'not an FtM date';
    case 'number':
      return Number.isFinite(Number(value)) ? null : 'not a number';
    case 'url':
      try {
        return /^https?:$/.test(new URL(value).protocol) ? null : 'not an http(s) URL';
      } catch {
        return 'not a URL';
      }
    case 'mimetype':
      return /^[\w.+-]+\/[\w.+-]+$/.test(value) ? null : 'not a MIME type';
    default:
      return null;
  }
}

/** Problems of a file of FtM JSON lines (empty when it is valid), and its entities by id. */
export function checkFtm(text: string): { problems: string[]; entities: Map<string, FtmLine> } {
  const problems: string[] = [];
  const entities = new Map<string, FtmLine>();
  const refs: Array<{ line: number; from: string; prop: string; to: string; range: string }> = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const at = `line ${i + 1}`;
    let e: FtmLine;
    try {
      e = JSON.parse(raw) as FtmLine;
    } catch (err) {
      problems.push(`${at}: not JSON (${(err as Error).message})`);
      return;
    }
    if (typeof e.id !== 'string' || !e.id || e.id.length > (data.types.entity.maxLength ?? 200)) problems.push(`${at}: bad id ${JSON.stringify(e.id)}`);
    if (entities.has(e.id)) problems.push(`${at}: id ${e.id} repeated`);
    let schema;
    try {
      schema = ftmModel.getSchema(e.schema);
    } catch {
      problems.push(`${at}: unknown schema ${JSON.stringify(e.schema)}`);
      return;
    }
    if (schema.abstract) problems.push(`${at}: abstract schema ${e.schema}`);
    entities.set(e.id, e);
    if (!e.properties || typeof e.properties !== 'object') {
      problems.push(`${at}: no properties object`);
      return;
    }
    for (const [name, values] of Object.entries(e.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${at}: ${e.schema} has no property ${name}`);
        continue;
      }
      const prop = schema.getProperty(name);
      if (!Array.isArray(values) || values.length === 0) {
        problems.push(`${at}: ${name} is not a non-empty list`);
        continue;
      }
      for (const v of values) {
        if (typeof v !== 'string' || !v.trim()) {
          problems.push(`${at}: ${name} holds ${JSON.stringify(v)}, not a non-empty string`);
          continue;
        }
        const problem = v.length > prop.maxLength ? `longer than ${prop.maxLength}` : typeProblem(prop.type.name, v);
        if (problem) problems.push(`${at}: ${e.schema}.${name} ${JSON.stringify(v.slice(0, 60))}: ${problem}`);
        if (prop.type.name === 'entity') refs.push({ line: i + 1, from: e.id, prop: `${e.schema}.${name}`, to: v, range: prop.hasRange ? prop.getRange().name : 'Thing' });
      }
    }
    for (const p of required(e.schema)) if (!e.properties[p]?.length) problems.push(`${at}: ${e.schema} ${e.id} lacks required ${p}`);
  });
  for (const r of refs) {
    const target = entities.get(r.to);
    if (!target) problems.push(`line ${r.line}: ${r.prop} of ${r.from} points at ${r.to}, which is not in the file`);
    else if (!ftmModel.getSchema(target.schema).isA(r.range)) problems.push(`line ${r.line}: ${r.prop} of ${r.from} points at a ${target.schema}, not a ${r.range}`);
  }
  return { problems, entities };
}

/** Regenerates schema/chronicle-result.schema.json from the zod schema (npm run schema). */
import { writeFileSync, mkdirSync } from 'node:fs';
import { z } from 'zod';
import { ResultSchema, SCHEMA_VERSION } from './schema.js';

export function jsonSchema(): unknown {
  const schema = z.toJSONSchema(ResultSchema) as Record<string, unknown>;
  return { $id: `https://chronicle.invalid/schema/result-${SCHEMA_VERSION}.json`, title: 'Chronicle extraction result', ...schema };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync('schema', { recursive: true });
  writeFileSync('schema/chronicle-result.schema.json', JSON.stringify(jsonSchema(), null, 2) + '\n');
  console.log('wrote schema/chronicle-result.schema.json');
}

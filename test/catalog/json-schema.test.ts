import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchemas } from '../../source/core/catalog/json-schema.js';
import { builtinCatalogDir } from '../../source/core/catalog/locations.js';

describe('catalog/schema/*.json', () => {
  it.each(Object.entries(catalogJsonSchemas()))('%s matches the zod schema (regenerate: node dist/cli.js catalog schema --out catalog/schema)', (name, schema) => {
    const onDisk = JSON.parse(readFileSync(join(builtinCatalogDir(), 'schema', name), 'utf8'));
    expect(onDisk).toEqual(schema);
  });
});

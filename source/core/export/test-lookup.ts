import type { CatalogTest } from '../catalog/schema.js';
import { commandTemplate } from '../params/template.js';
import type { TestLookup } from './report-model.js';

export function testLookup(tests: ReadonlyMap<string, CatalogTest>): TestLookup {
  return (id) => {
    const test = tests.get(id);
    return test ? { title: test.title, next: test.next, command: commandTemplate(test) } : undefined;
  };
}

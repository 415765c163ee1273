import type { CommandPart } from '../catalog/schema.js';

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

/** Names of the `{{param}}` placeholders in one argv element, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Every placeholder of a command, with whether it sits alone in its element. */
export function commandPlaceholders(command: readonly CommandPart[]): { name: string; standalone: boolean; conditionalOn?: string }[] {
  const found: { name: string; standalone: boolean; conditionalOn?: string }[] = [];
  for (const part of command) {
    const elements = typeof part === 'string' ? [part] : part.args;
    for (const element of elements) {
      const names = placeholdersIn(element);
      const standalone = names.length === 1 && element.trim() === `{{${names[0]}}}`;
      for (const name of names) {
        found.push(typeof part === 'string' ? { name, standalone } : { name, standalone, conditionalOn: part.when });
      }
    }
  }
  return found;
}

/** Replaces each placeholder by its value; the element stays one argument whatever the value holds. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/** Parameter name → environment variable name for scripts (`pod_name` → `POD_NAME`). */
export function envNameFor(param: string): string {
  return param.toUpperCase();
}

import type { KubeObject } from '../objects.js';

/** A column of a meta.k8s.io Table; priority 1 columns show only with `-o wide`. */
export type Column = { name: string; type: string; format: string; description: string; priority: number };

/** What a printer may consult besides the object: the clock, and other objects (a pod's node). */
export type PrintContext = { now: number };

/** The columns and cells of one kind, as the real API server's printer defines them. */
export type KindPrinter = {
  columns: Column[];
  cells(object: KubeObject, context: PrintContext): unknown[];
};

type ColumnOptions = { type?: string; format?: string; wide?: boolean; description?: string };

/** Builds a column definition; descriptions are short because kubectl only shows them in --help output of explain. */
export function column(name: string, options: ColumnOptions = {}): Column {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description: options.description ?? name,
    priority: options.wide ? 1 : 0,
  };
}

export const NAME = column('Name', { format: 'name', description: 'Name must be unique within a namespace.' });
export const AGE = column('Age', { description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' });
export const CREATED_AT = column('Created At', { type: 'date', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' });

export const wide = (name: string, options: ColumnOptions = {}): Column => column(name, { ...options, wide: true });

import { field, num, text, type KubeObject } from '../objects.js';
import { column, wide, type KindPrinter } from './columns.js';
import { ageSince } from './format.js';

function eventSource(event: KubeObject): string {
  const component = text(event, 'source', 'component') || text(event, 'reportingComponent');
  const host = text(event, 'source', 'host') || text(event, 'reportingInstance');
  if (!component) return '';
  return host ? `${component}, ${host}` : component;
}

/** LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; wide adds where it came from and how often. */
export const eventPrinter: KindPrinter = {
  columns: [
    column('Last Seen'),
    column('Type'),
    column('Reason'),
    column('Object'),
    wide('Subobject'),
    wide('Source'),
    column('Message'),
    wide('First Seen'),
    wide('Count', { type: 'integer' }),
    wide('Name', { format: 'name' }),
  ],
  cells: (event, { now }) => {
    const first = field(event, 'firstTimestamp') ? ageSince(field(event, 'firstTimestamp'), now) : ageSince(field(event, 'eventTime'), now);
    let last = field(event, 'lastTimestamp') ? ageSince(field(event, 'lastTimestamp'), now) : first;
    let count = num(event, 'count');
    if (field(event, 'series')) {
      last = ageSince(field(event, 'series', 'lastObservedTime'), now);
      count = num(event, 'series', 'count');
    } else if (count === 0) count = 1;
    const kind = text(event, 'involvedObject', 'kind').toLowerCase();
    const name = text(event, 'involvedObject', 'name');
    return [
      last,
      text(event, 'type'),
      text(event, 'reason'),
      name ? `${kind}/${name}` : kind,
      text(event, 'involvedObject', 'fieldPath'),
      eventSource(event),
      text(event, 'message').trim(),
      first,
      count,
      event.metadata.name,
    ];
  },
};

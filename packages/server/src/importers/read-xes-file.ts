/**
 * Streams an XES event log (IEEE 1849; plain or `.xes.gz`) into the columnar event log.
 *
 * Each `<trace>` is a case, identified by its `concept:name`; each `<event>` directly inside it
 * becomes one event: activity `concept:name`, time `time:timestamp`, lifecycle
 * `lifecycle:transition`, resource `org:resource`, partner `org:group`, and start time from an
 * attribute `start_timestamp` when present. Every lifecycle event is kept as its own event (as the
 * reference tools do); the lifecycle column lets service times be derived later. Traces with the
 * same `concept:name` are one case. Attributes nested in lists or containers, and `<global>`
 * defaults, are not read.
 *
 * All or nothing: a trace without `concept:name`, an event without `concept:name` or with a
 * missing or unreadable `time:timestamp`, or malformed XML rejects the file with the element and
 * line of each problem (the first 20).
 */
import { basename } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EventLogBuilder, parseTimestamp, type EventLog, type TimeZoneRule } from '@ketenregie/core/flow';
import { ProblemList } from './problem-list.ts';
import { getFileSize, readFileChunks, type ProgressListener } from './read-file-chunks.ts';

/** How to read an XES file. */
export interface ReadXesFileOptions {
  /** How to read a time without a zone; default `Europe/Amsterdam`. */
  readonly timeZone?: TimeZoneRule | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

const ATTRIBUTE_ELEMENTS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

/** Strips a namespace prefix (`xes:trace` → `trace`). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An event of the trace being read, kept until the trace's `concept:name` is known. */
interface PendingEvent {
  readonly activity: number;
  readonly timestamp: number;
  readonly startTimestamp: number;
  readonly lifecycle: number;
  readonly resource: number;
  readonly partner: number;
}

/** Reads the XES file at `path`; throws `DomainError('validation_failed')` naming element and line. */
export async function readXesFile(path: string, options: ReadXesFileOptions = {}): Promise<EventLog> {
  const fileName = basename(path);
  const zone = options.timeZone ?? 'Europe/Amsterdam';
  const size = await getFileSize(path);
  const builder = new EventLogBuilder(Math.max(1024, (size / 250) * (path.toLowerCase().endsWith('.gz') ? 10 : 1)));
  const problems = new ProblemList(fileName);
  const parser = new SaxesParser({ xmlns: false, position: true, fileName });

  let depth = 0;
  let traceDepth = -1;
  let traceLine = 0;
  let caseId: string | null = null;
  let pending: PendingEvent[] = [];
  let eventDepth = -1;
  let eventLine = 0;
  let activity: string | null = null;
  let time: string | null = null;
  let start: string | null = null;
  let lifecycle: string | null = null;
  let resource: string | null = null;
  let partner: string | null = null;
  let sawXes = false;

  const readTime = (text: string, key: string, line: number): number => {
    const value = parseTimestamp(text, zone);
    if (Number.isNaN(value)) problems.add(line, `event/${key}`, `"${text.slice(0, 60)}" is not a timestamp`);
    return value;
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    const name = localName(tag.name);
    if (depth === 1) {
      sawXes = name === 'log';
      return;
    }
    if (name === 'trace' && traceDepth < 0) {
      traceDepth = depth;
      traceLine = parser.line;
      caseId = null;
      pending = [];
      return;
    }
    if (name === 'event' && traceDepth >= 0 && eventDepth < 0 && depth === traceDepth + 1) {
      eventDepth = depth;
      eventLine = parser.line;
      activity = time = start = lifecycle = resource = partner = null;
      return;
    }
    if (!ATTRIBUTE_ELEMENTS.has(name)) return;
    const key = tag.attributes.key;
    const value = tag.attributes.value;
    if (key === undefined || value === undefined) return;
    if (eventDepth >= 0 && depth === eventDepth + 1) {
      switch (key) {
        case 'concept:name':
          activity = value;
          break;
        case 'time:timestamp':
          time = value;
          break;
        case 'start_timestamp':
        case 'time:start':
          start = value;
          break;
        case 'lifecycle:transition':
          lifecycle = value;
          break;
        case 'org:resource':
          resource = value;
          break;
        case 'org:group':
          partner = value;
          break;
        default:
          break;
      }
    } else if (traceDepth >= 0 && eventDepth < 0 && depth === traceDepth + 1 && key === 'concept:name') {
      caseId = value;
    }
  });

  parser.on('closetag', () => {
    if (depth === eventDepth) {
      eventDepth = -1;
      if (activity === null) problems.add(eventLine, 'event/concept:name', 'the event has no concept:name (activity)');
      if (time === null) problems.add(eventLine, 'event/time:timestamp', 'the event has no time:timestamp');
      const timestamp = time === null ? Number.NaN : readTime(time, 'time:timestamp', eventLine);
      const startTimestamp = start === null ? Number.NaN : readTime(start, 'start_timestamp', eventLine);
      if (activity !== null && problems.isEmpty) {
        pending.push({
          activity: builder.activityNames.intern(activity),
          timestamp,
          startTimestamp,
          lifecycle: lifecycle === null ? -1 : builder.lifecycleNames.intern(lifecycle),
          resource: resource === null ? -1 : builder.resourceNames.intern(resource),
          partner: partner === null ? -1 : builder.partnerNames.intern(partner),
        });
      }
    } else if (depth === traceDepth) {
      traceDepth = -1;
      if (caseId === null) problems.add(traceLine, 'trace/concept:name', 'the trace has no concept:name (case id)');
      else if (problems.isEmpty && pending.length > 0) {
        const caseIndex = builder.caseIds.intern(caseId);
        for (const event of pending) {
          const row = builder.addIndexed(caseIndex, event.activity, event.timestamp);
          if (!Number.isNaN(event.startTimestamp)) builder.setStartTimestamp(row, event.startTimestamp);
          if (event.lifecycle >= 0) builder.setLifecycle(row, event.lifecycle);
          if (event.resource >= 0) builder.setResource(row, event.resource);
          if (event.partner >= 0) builder.setPartner(row, event.partner);
        }
      }
      pending = [];
    }
    depth--;
  });

  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of readFileChunks(path, { onProgress: options.onProgress })) {
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof Error && !('code' in error) && error.name !== 'DomainError') {
      problems.add(parser.line, 'xml', error.message.replace(/^[^:]*:\d+:\d+: /, ''));
    } else {
      throw error;
    }
  }
  if (!sawXes) problems.add(1, 'log', 'the file is not an XES log (its root element is not <log>)');
  problems.throwIfAny();
  return builder.build();
}

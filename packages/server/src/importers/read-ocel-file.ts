/**
 * Reads an object-centric event log (OCEL 2.0 JSON or XML; OCEL 1.0 JSON too) and flattens it on
 * one object type: every object of that type is a case, and every event related to it becomes an
 * event of that case (an event related to two such objects appears in both cases). The activity is
 * the event type; events keep their file order for equal timestamps.
 *
 * The user picks the object type (e.g. the client); without a choice the type related to the most
 * events is used, and the result says which one it was.
 */
import { basename } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EventLogBuilder, parseTimestamp, type EventLog, type TimeZoneRule } from '@ketenregie/core/flow';
import { DomainError } from '@ketenregie/core/errors';
import { ProblemList } from './problem-list.ts';
import { readFileChunks, type ProgressListener } from './read-file-chunks.ts';

/** How to read an OCEL file. */
export interface ReadOcelFileOptions {
  /** The object type whose objects are the cases; default: the type related to the most events. */
  readonly objectType?: string | undefined;
  /** How to read a time without a zone; default `Europe/Amsterdam`. */
  readonly timeZone?: TimeZoneRule | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

/** A flattened OCEL log and the object type it was flattened on. */
export interface OcelReadResult {
  readonly log: EventLog;
  /** The object type used as the case. */
  readonly objectType: string;
  /** Every object type of the file, in order of declaration. */
  readonly objectTypes: readonly string[];
}

/** An OCEL read into plain arrays, before flattening. */
interface ObjectCentricLog {
  readonly objectTypes: string[];
  readonly typeOfObject: Map<string, string>;
  readonly events: { readonly type: string; readonly time: number; readonly objectIds: readonly string[] }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads OCEL 2.0 JSON (`objectTypes`, `objects`, `events`) or OCEL 1.0 JSON (`ocel:objects`, `ocel:events`). */
function readOcelJson(text: string, problems: ProblemList, zone: TimeZoneRule): ObjectCentricLog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    problems.add(0, '', `the file is not valid JSON: ${(error as Error).message}`);
    problems.throwIfAny();
  }
  const result: ObjectCentricLog = { objectTypes: [], typeOfObject: new Map(), events: [] };
  if (!isRecord(data)) {
    problems.add(0, '', 'the file is not an OCEL log: expected a JSON object');
    return result;
  }
  const readTime = (value: unknown, path: string): number => {
    const time = typeof value === 'string' ? parseTimestamp(value, zone) : Number.NaN;
    if (Number.isNaN(time))
      problems.add(0, path, `${JSON.stringify(value)?.slice(0, 60) ?? 'nothing'} is not a timestamp`);
    return time;
  };
  if (Array.isArray(data.events) && Array.isArray(data.objects)) {
    if (Array.isArray(data.objectTypes)) {
      for (const type of data.objectTypes)
        if (isRecord(type) && typeof type.name === 'string') result.objectTypes.push(type.name);
    }
    data.objects.forEach((object: unknown, i) => {
      if (!isRecord(object) || typeof object.id !== 'string' || typeof object.type !== 'string') {
        problems.add(0, `objects.${i}`, 'an object needs a string "id" and "type"');
        return;
      }
      result.typeOfObject.set(object.id, object.type);
      if (!result.objectTypes.includes(object.type)) result.objectTypes.push(object.type);
    });
    data.events.forEach((event: unknown, i) => {
      if (!isRecord(event) || typeof event.type !== 'string') {
        problems.add(0, `events.${i}.type`, 'an event needs a string "type" (its activity)');
        return;
      }
      const time = readTime(event.time, `events.${i}.time`);
      const relationships = Array.isArray(event.relationships) ? event.relationships : [];
      const objectIds: string[] = [];
      for (const relation of relationships) {
        if (isRecord(relation) && typeof relation.objectId === 'string') objectIds.push(relation.objectId);
      }
      result.events.push({ type: event.type, time, objectIds });
    });
    return result;
  }
  const objects = data['ocel:objects'];
  const events = data['ocel:events'];
  if (isRecord(objects) && isRecord(events)) {
    for (const [id, object] of Object.entries(objects)) {
      const type = isRecord(object) ? object['ocel:type'] : undefined;
      if (typeof type !== 'string') {
        problems.add(0, `ocel:objects.${id}`, 'an object needs a string "ocel:type"');
        continue;
      }
      result.typeOfObject.set(id, type);
      if (!result.objectTypes.includes(type)) result.objectTypes.push(type);
    }
    for (const [id, event] of Object.entries(events)) {
      if (!isRecord(event) || typeof event['ocel:activity'] !== 'string') {
        problems.add(0, `ocel:events.${id}.ocel:activity`, 'an event needs a string "ocel:activity"');
        continue;
      }
      const time = readTime(event['ocel:timestamp'], `ocel:events.${id}.ocel:timestamp`);
      const omap = event['ocel:omap'];
      const objectIds = Array.isArray(omap) ? omap.filter((o): o is string => typeof o === 'string') : [];
      result.events.push({ type: event['ocel:activity'], time, objectIds });
    }
    return result;
  }
  problems.add(
    0,
    '',
    'the file is not an OCEL log: expected "objects" and "events" (OCEL 2.0) or "ocel:objects" and "ocel:events" (OCEL 1.0)',
  );
  return result;
}

/** Reads OCEL 2.0 XML: `<object id type>` and `<event id type time>` with `<relationship object-id>`. */
async function readOcelXml(
  path: string,
  problems: ProblemList,
  zone: TimeZoneRule,
  onProgress: ProgressListener | undefined,
): Promise<ObjectCentricLog> {
  const result: ObjectCentricLog = { objectTypes: [], typeOfObject: new Map(), events: [] };
  const parser = new SaxesParser({ xmlns: false, position: true, fileName: basename(path) });
  let depth = 0;
  let eventDepth = -1;
  let current: { type: string; time: number; objectIds: string[] } | null = null;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    const { name, attributes } = tag;
    if (name === 'object-type' && attributes.name !== undefined) {
      if (!result.objectTypes.includes(attributes.name)) result.objectTypes.push(attributes.name);
    } else if (name === 'object' && eventDepth < 0 && depth === 3) {
      if (attributes.id === undefined || attributes.type === undefined) {
        problems.add(parser.line, 'object', 'an <object> needs the attributes id and type');
        return;
      }
      result.typeOfObject.set(attributes.id, attributes.type);
      if (!result.objectTypes.includes(attributes.type)) result.objectTypes.push(attributes.type);
    } else if (name === 'event' && depth === 3) {
      eventDepth = depth;
      if (attributes.type === undefined) problems.add(parser.line, 'event/type', 'an <event> needs the attribute type');
      const time = parseTimestamp(attributes.time ?? '', zone);
      if (Number.isNaN(time)) {
        problems.add(parser.line, 'event/time', `"${(attributes.time ?? '').slice(0, 60)}" is not a timestamp`);
      }
      current = { type: attributes.type ?? '', time, objectIds: [] };
    } else if (name === 'relationship' && current !== null && attributes['object-id'] !== undefined) {
      current.objectIds.push(attributes['object-id']);
    }
  });
  parser.on('closetag', () => {
    if (depth === eventDepth && current !== null) {
      result.events.push(current);
      current = null;
      eventDepth = -1;
    }
    depth--;
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of readFileChunks(path, { onProgress }))
      parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof Error && !('code' in error)) {
      problems.add(parser.line, 'xml', error.message.replace(/^[^:]*:\d+:\d+: /, ''));
    } else {
      throw error;
    }
  }
  return result;
}

/** Reads the OCEL file at `path` (JSON or XML, by content) and flattens it on one object type. */
export async function readOcelFile(path: string, options: ReadOcelFileOptions = {}): Promise<OcelReadResult> {
  const fileName = basename(path);
  const zone = options.timeZone ?? 'Europe/Amsterdam';
  const problems = new ProblemList(fileName);
  let head = '';
  for await (const chunk of readFileChunks(path, { chunkBytes: 512 })) {
    head = new TextDecoder('utf-8')
      .decode(chunk)
      .replace(/^\uFEFF/, '')
      .trimStart();
    break;
  }
  let ocel: ObjectCentricLog;
  if (head.startsWith('<')) {
    ocel = await readOcelXml(path, problems, zone, options.onProgress);
  } else {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    for await (const chunk of readFileChunks(path, { onProgress: options.onProgress })) {
      text += decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
    ocel = readOcelJson(text.replace(/^\uFEFF/, ''), problems, zone);
  }
  problems.throwIfAny();

  const relatedEvents = new Map<string, number>(ocel.objectTypes.map((type) => [type, 0]));
  for (const event of ocel.events) {
    const seen = new Set<string>();
    for (const id of event.objectIds) {
      const type = ocel.typeOfObject.get(id);
      if (type !== undefined && !seen.has(type)) {
        seen.add(type);
        relatedEvents.set(type, (relatedEvents.get(type) ?? 0) + 1);
      }
    }
  }
  let objectType = options.objectType;
  if (objectType === undefined) {
    let best = -1;
    for (const [type, count] of relatedEvents) {
      if (count > best) {
        best = count;
        objectType = type;
      }
    }
  }
  if (objectType === undefined || !relatedEvents.has(objectType)) {
    throw new DomainError(
      'validation_failed',
      objectType === undefined
        ? `${fileName} has no objects to use as cases`
        : `${fileName} has no object type "${objectType}"; it has ${ocel.objectTypes.map((t) => `"${t}"`).join(', ')}`,
      [{ file: fileName, path: 'objectType', message: `choose one of ${ocel.objectTypes.join(', ')}` }],
    );
  }

  const builder = new EventLogBuilder(ocel.events.length);
  for (const event of ocel.events) {
    let activity = -1;
    event.objectIds.forEach((id, i) => {
      if (ocel.typeOfObject.get(id) !== objectType || event.objectIds.indexOf(id) !== i) return;
      if (activity < 0) activity = builder.activityNames.intern(event.type);
      builder.addIndexed(builder.caseIds.intern(id), activity, event.time);
    });
  }
  return { log: builder.build(), objectType, objectTypes: ocel.objectTypes };
}

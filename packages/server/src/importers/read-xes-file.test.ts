import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isDomainError, type DomainError, type EventLog } from '@ketenregie/core';
import { readXesFile } from './read-xes-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketenregie-xes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function rejection(path: string): Promise<DomainError> {
  try {
    await readXesFile(path);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

function events(log: EventLog) {
  return Array.from({ length: log.eventCount }, (_, k) => ({
    caseId: log.caseIds.get(log.caseIndex[k]!),
    activity: log.activityNames.get(log.activity[k]!),
    time: new Date(log.timestamp[k]!).toISOString(),
    lifecycle:
      log.lifecycle === null || log.lifecycle[k] === 0xffffffff ? null : log.lifecycleNames.get(log.lifecycle[k]!),
    resource: log.resource === null || log.resource[k] === 0xffffffff ? null : log.resourceNames.get(log.resource[k]!),
    partner: log.partner === null || log.partner[k] === 0xffffffff ? null : log.partnerNames.get(log.partner[k]!),
  }));
}

const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="default"/></global>
  <string key="concept:name" value="the log"/>
  <trace>
    <event>
      <string key="concept:name" value="Melding"/>
      <date key="time:timestamp" value="2024-03-30T23:30:00.000+01:00"/>
      <string key="lifecycle:transition" value="start"/>
      <string key="org:resource" value="agent 7"/>
      <string key="org:group" value="Politie"/>
      <list key="notes"><string key="concept:name" value="not an activity"/></list>
    </event>
    <event>
      <string key="concept:name" value="Melding"/>
      <date key="time:timestamp" value="2024-03-31T03:10:00.000+02:00"/>
      <string key="lifecycle:transition" value="complete"/>
      <string key="org:group" value="Politie"/>
    </event>
    <string key="concept:name" value="NA"/>
  </trace>
  <trace>
    <string key="concept:name" value="2"/>
    <event>
      <string key="concept:name" value="Onderzoek &amp; advies"/>
      <date key="time:timestamp" value="2024-04-01T10:00:00"/>
    </event>
  </trace>
  <trace><string key="concept:name" value="empty"/></trace>
</log>`;

describe('readXesFile', () => {
  it('reads traces as cases and every lifecycle event as an event, with zones honoured', async () => {
    const log = await readXesFile(write('small.xes', XES));
    expect(log.caseIds.toArray()).toEqual(['NA', '2']);
    expect(events(log)).toEqual([
      {
        caseId: 'NA',
        activity: 'Melding',
        time: '2024-03-30T22:30:00.000Z',
        lifecycle: 'start',
        resource: 'agent 7',
        partner: 'Politie',
      },
      {
        caseId: 'NA',
        activity: 'Melding',
        time: '2024-03-31T01:10:00.000Z',
        lifecycle: 'complete',
        resource: null,
        partner: 'Politie',
      },
      // no zone: Amsterdam summer time
      {
        caseId: '2',
        activity: 'Onderzoek & advies',
        time: '2024-04-01T08:00:00.000Z',
        lifecycle: null,
        resource: null,
        partner: null,
      },
    ]);
  });

  it('reads .xes.gz the same as .xes', async () => {
    const plain = events(await readXesFile(write('a.xes', XES)));
    const zipped = events(await readXesFile(write('a.xes.gz', gzipSync(XES))));
    expect(zipped).toEqual(plain);
  });

  it('reads every time as written in wall-clock mode', async () => {
    const log = await readXesFile(write('wall.xes', XES), { timeZone: 'wall-clock' });
    expect(new Date(log.timestamp[1]!).toISOString()).toBe('2024-03-31T03:10:00.000Z');
  });

  it('rejects events without timestamp or activity and traces without id, naming element and line', async () => {
    const bad = XES.replace('<date key="time:timestamp" value="2024-04-01T10:00:00"/>', '')
      .replace('<string key="concept:name" value="2"/>', '')
      .replace('value="2024-03-31T03:10:00.000+02:00"', 'value="31 maart"');
    const error = await rejection(write('bad.xes', bad));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([
      { file: 'bad.xes', line: 15, path: 'event/time:timestamp', message: '"31 maart" is not a timestamp' },
      { file: 'bad.xes', line: 25, path: 'event/time:timestamp', message: 'the event has no time:timestamp' },
      { file: 'bad.xes', line: 23, path: 'trace/concept:name', message: 'the trace has no concept:name (case id)' },
    ]);
  });

  it('rejects malformed XML, a non-XES file, a missing file and a broken gzip', async () => {
    const malformed = await rejection(write('broken.xes', XES.replace('</trace>\n  <trace>', '</trace>\n  <trace')));
    expect(malformed.details[0]).toMatchObject({ file: 'broken.xes', path: 'xml' });
    expect(malformed.details[0]?.line).toBeGreaterThan(20);
    expect((await rejection(write('other.xes', '<html><body/></html>'))).details[0]?.message).toContain(
      'not an XES log',
    );
    expect((await rejection(join(dir, 'missing.xes'))).message).toContain('does not exist');
    expect((await rejection(write('fake.xes.gz', 'not gzip'))).message).toContain('not a valid gzip file');
  });
});

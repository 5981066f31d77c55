import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDomainError, type EventLog } from '@ketenregie/core';
import { readOcelFile } from './read-ocel-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketenregie-ocel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function traces(log: EventLog): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (let c = 0; c < log.caseCount; c++) {
    result[log.caseIds.get(c)] = Array.from(log.activity.subarray(log.caseOffsets[c], log.caseOffsets[c + 1]), (a) =>
      log.activityNames.get(a),
    );
  }
  return result;
}

const JSON_OCEL = JSON.stringify({
  objectTypes: [
    { name: 'client', attributes: [] },
    { name: 'dossier', attributes: [] },
  ],
  eventTypes: [],
  objects: [
    { id: 'c1', type: 'client' },
    { id: 'c2', type: 'client' },
    { id: 'd1', type: 'dossier' },
  ],
  events: [
    {
      id: 'e1',
      type: 'melding',
      time: '2024-01-01T10:00:00Z',
      relationships: [{ objectId: 'c1' }, { objectId: 'd1' }],
    },
    {
      id: 'e2',
      type: 'melding',
      time: '2024-01-01T11:00:00Z',
      relationships: [{ objectId: 'c2' }, { objectId: 'd1' }],
    },
    {
      id: 'e3',
      type: 'besluit',
      time: '2024-01-02T10:00:00Z',
      relationships: [{ objectId: 'c1' }, { objectId: 'c2' }, { objectId: 'd1' }],
    },
    { id: 'e4', type: 'archief', time: '2024-01-03T10:00:00Z', relationships: [{ objectId: 'd1' }] },
  ],
});

const XML_OCEL = `<?xml version="1.0" encoding="UTF-8"?>
<log>
  <object-types><object-type name="client"><attributes/></object-type><object-type name="dossier"><attributes/></object-type></object-types>
  <objects>
    <object id="c1" type="client"><objects><relationship object-id="d1" qualifier="in"/></objects></object>
    <object id="c2" type="client"/>
    <object id="d1" type="dossier"/>
  </objects>
  <events>
    <event id="e1" type="melding" time="2024-01-01T11:00:00"><objects><relationship object-id="c1" qualifier=""/><relationship object-id="d1" qualifier=""/></objects></event>
    <event id="e2" type="melding" time="2024-01-01T12:00:00"><objects><relationship object-id="c2" qualifier=""/><relationship object-id="d1" qualifier=""/></objects></event>
    <event id="e3" type="besluit" time="2024-01-02T11:00:00"><objects><relationship object-id="c1" qualifier=""/><relationship object-id="c2" qualifier=""/><relationship object-id="d1" qualifier=""/></objects></event>
    <event id="e4" type="archief" time="2024-01-03T11:00:00"><objects><relationship object-id="d1" qualifier=""/></objects></event>
  </events>
</log>`;

describe('readOcelFile', () => {
  it('flattens OCEL 2.0 JSON on the chosen object type, copying shared events to each case', async () => {
    const result = await readOcelFile(write('log.jsonocel', JSON_OCEL), { objectType: 'client' });
    expect(result.objectType).toBe('client');
    expect(traces(result.log)).toEqual({ c1: ['melding', 'besluit'], c2: ['melding', 'besluit'] });
    const dossier = await readOcelFile(write('log2.jsonocel', JSON_OCEL), { objectType: 'dossier' });
    expect(traces(dossier.log)).toEqual({ d1: ['melding', 'melding', 'besluit', 'archief'] });
  });

  it('defaults to the object type related to the most events', async () => {
    const result = await readOcelFile(write('log3.jsonocel', JSON_OCEL));
    expect(result.objectType).toBe('dossier');
    expect(result.objectTypes).toEqual(['client', 'dossier']);
  });

  it('reads OCEL 2.0 XML (zone-less times as Amsterdam time) like the JSON', async () => {
    const fromXml = await readOcelFile(write('log.xmlocel', XML_OCEL), { objectType: 'client' });
    const fromJson = await readOcelFile(write('log4.jsonocel', JSON_OCEL), { objectType: 'client' });
    expect(traces(fromXml.log)).toEqual(traces(fromJson.log));
    expect(Array.from(fromXml.log.timestamp)).toEqual(Array.from(fromJson.log.timestamp));
  });

  it('reads OCEL 1.0 JSON', async () => {
    const ocel1 = JSON.stringify({
      'ocel:objects': { c1: { 'ocel:type': 'client' } },
      'ocel:events': {
        '1': { 'ocel:activity': 'melding', 'ocel:timestamp': '2024-01-01T10:00:00Z', 'ocel:omap': ['c1'] },
        '2': { 'ocel:activity': 'besluit', 'ocel:timestamp': '2024-01-01T09:00:00Z', 'ocel:omap': ['c1'] },
      },
    });
    expect(traces((await readOcelFile(write('v1.jsonocel', ocel1))).log)).toEqual({ c1: ['besluit', 'melding'] });
  });

  it('rejects an unknown object type, bad timestamps and invalid JSON with where', async () => {
    const reject = async (path: string, objectType?: string) => {
      try {
        await readOcelFile(path, { objectType });
      } catch (error) {
        if (isDomainError(error)) return error;
        throw error;
      }
      throw new Error('expected a rejection');
    };
    expect((await reject(write('t.jsonocel', JSON_OCEL), 'patient')).message).toContain('has no object type "patient"');
    const badTime = JSON_OCEL.replace('2024-01-02T10:00:00Z', 'morgen');
    expect((await reject(write('u.jsonocel', badTime))).details[0]).toMatchObject({ path: 'events.2.time' });
    expect((await reject(write('v.jsonocel', '{"events": ['))).message).toContain('not valid JSON');
    const badXml = XML_OCEL.replace('time="2024-01-02T11:00:00"', 'time="x"');
    expect((await reject(write('w.xmlocel', badXml))).details[0]).toMatchObject({ line: 12, path: 'event/time' });
  });
});

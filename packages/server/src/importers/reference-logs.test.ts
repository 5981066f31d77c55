/**
 * Our figures against those of an established process-mining library (pm4py) on real public logs
 * in `../shared/data` (relative to the repository root): per directly-follows edge the count
 * (exact), mean and median (within 1 ms); the numbers of events, cases, variants, start and end
 * activities (exact); the mean case duration (within 1 ms). Skipped when the data is not there.
 *
 * The reference dropped the zone offsets of the XES timestamps (it computed on wall-clock times).
 * Three logs mix +01:00 and +02:00, so the reference is matched in `wall-clock` mode; in the
 * default mode, which honours the offsets, counts and variants are the same and every edge's mean
 * differs by at most the one daylight-saving hour.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { computeFlowOverview, type EventLog, type FlowOverview } from '@ketenregie/core';
import { readCsvFile } from './read-csv-file.ts';
import { readOcelFile } from './read-ocel-file.ts';
import { readXesFile } from './read-xes-file.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dataDir = resolve(repoRoot, '../shared/data');
const available = existsSync(join(dataDir, 'reference'));
if (!available) console.warn(`reference tests skipped: ${dataDir} does not exist`);

interface Reference {
  readonly events: number;
  readonly cases: number;
  readonly dfg_edges: number;
  readonly dfg_total: number;
  readonly start_acts: number;
  readonly end_acts: number;
  readonly variants: number;
  readonly mean_case_dur_s: number;
}

interface ReferenceEdge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly mean: number;
  readonly median: number;
}

const LOGS = [
  { file: 'running-example.xes', name: 'running-example', mixedOffsets: false },
  { file: 'roadtraffic100traces.xes', name: 'roadtraffic100traces', mixedOffsets: true },
  { file: 'interval_event_log.xes', name: 'interval_event_log', mixedOffsets: false },
  { file: '08_receipt.xes.gz', name: '08_receipt', mixedOffsets: true },
  { file: 'helpdesk.xes.gz', name: 'helpdesk', mixedOffsets: false },
  { file: 'bpic2012.xes.gz', name: 'bpic2012', mixedOffsets: true },
];

function loadReference(name: string): { summary: Reference; edges: ReferenceEdge[] } {
  const summary = JSON.parse(readFileSync(join(dataDir, 'reference', `${name}.pm4py.json`), 'utf8')) as Reference;
  const edges = readFileSync(join(dataDir, 'reference', `${name}.dfg.tsv`), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [from = '', to = '', count = '', mean = '', median = ''] = line.split('\t');
      return { from, to, count: Number(count), mean: Number(mean), median: Number(median) };
    });
  return { summary, edges };
}

const MS = 0.001;

function expectSameCountsAndVariants(
  overview: FlowOverview,
  reference: { summary: Reference; edges: ReferenceEdge[] },
) {
  const { summary } = reference;
  expect(overview.summary.events).toBe(summary.events);
  expect(overview.summary.cases).toBe(summary.cases);
  expect(overview.edges).toHaveLength(summary.dfg_edges);
  expect(overview.edges.reduce((s, e) => s + e.count, 0)).toBe(summary.dfg_total);
  expect(overview.startActivities).toHaveLength(summary.start_acts);
  expect(overview.endActivities).toHaveLength(summary.end_acts);
  expect(overview.variants).toHaveLength(summary.variants);
  const ours = new Map(overview.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
  for (const edge of reference.edges)
    expect(ours.get(`${edge.from}\u0000${edge.to}`)?.count, `${edge.from} → ${edge.to}`).toBe(edge.count);
}

function worstMeanDifference(overview: FlowOverview, reference: ReferenceEdge[]): number {
  const ours = new Map(overview.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
  return Math.max(...reference.map((r) => Math.abs(ours.get(`${r.from}\u0000${r.to}`)!.meanSeconds - r.mean)));
}

const dir = mkdtempSync(join(tmpdir(), 'ketenregie-reference-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a log as CSV (wall-clock ISO times without zone, every field quoted), as the reference's CSVs were made. */
function writeCsv(log: EventLog, path: string): void {
  const rows = ['case_id,activity,timestamp'];
  const order = Array.from(log.fileOrder.keys()).sort((a, b) => log.fileOrder[a]! - log.fileOrder[b]!);
  for (const k of order) {
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    rows.push(
      [
        quote(log.caseIds.get(log.caseIndex[k]!)),
        quote(log.activityNames.get(log.activity[k]!)),
        new Date(log.timestamp[k]!).toISOString().slice(0, 23),
      ].join(','),
    );
  }
  writeFileSync(path, rows.join('\n'));
}

describe.skipIf(!available)('figures against the pm4py reference on real logs', () => {
  describe.each(LOGS)('$file', ({ file, name, mixedOffsets }) => {
    const reference = available ? loadReference(name) : { summary: {} as Reference, edges: [] };

    it('matches in wall-clock mode: counts exactly, means, medians and mean case duration within 1 ms', async () => {
      const overview = computeFlowOverview(await readXesFile(join(dataDir, 'logs', file), { timeZone: 'wall-clock' }));
      expectSameCountsAndVariants(overview, reference);
      const ours = new Map(overview.edges.map((e) => [`${e.from}\u0000${e.to}`, e]));
      for (const edge of reference.edges) {
        const our = ours.get(`${edge.from}\u0000${edge.to}`)!;
        expect(Math.abs(our.meanSeconds - edge.mean), `mean of ${edge.from} → ${edge.to}`).toBeLessThanOrEqual(MS);
        expect(Math.abs(our.medianSeconds - edge.median), `median of ${edge.from} → ${edge.to}`).toBeLessThanOrEqual(
          MS,
        );
      }
      expect(Math.abs(overview.caseDurations.meanSeconds - reference.summary.mean_case_dur_s)).toBeLessThanOrEqual(MS);
    });

    it('has the same counts and variants when zone offsets are honoured (the default)', async () => {
      const overview = computeFlowOverview(await readXesFile(join(dataDir, 'logs', file)));
      expectSameCountsAndVariants(overview, reference);
      const worst = worstMeanDifference(overview, reference.edges);
      if (mixedOffsets) expect(worst).toBeLessThanOrEqual(3600 + MS);
      else expect(worst).toBeLessThanOrEqual(MS);
    });
  });

  it('reads the same figures from a CSV export of bpic2012 as from its XES', async () => {
    const log = await readXesFile(join(dataDir, 'logs', 'bpic2012.xes.gz'), { timeZone: 'wall-clock' });
    const path = join(dir, 'bpic2012.csv');
    writeCsv(log, path);
    const fromCsv = computeFlowOverview(await readCsvFile(path, { timeZone: 'UTC' }));
    const fromXes = computeFlowOverview(log);
    for (const key of ['edges', 'variants', 'caseDurations', 'startActivities', 'endActivities'] as const) {
      expect(fromCsv[key]).toEqual(fromXes[key]);
    }
    expect(
      Math.abs(fromCsv.caseDurations.meanSeconds - loadReference('bpic2012').summary.mean_case_dur_s),
    ).toBeLessThanOrEqual(MS);
  });

  it('reads the OCEL 2.0 example alike from JSON and XML', async () => {
    for (const objectType of ['Invoice', 'Purchase Order', 'Purchase Requisition']) {
      const json = await readOcelFile(join(dataDir, 'logs', 'ocel20_example.jsonocel'), { objectType });
      const xml = await readOcelFile(join(dataDir, 'logs', 'ocel20_example.xmlocel'), { objectType });
      expect(computeFlowOverview(xml.log)).toEqual(computeFlowOverview(json.log));
      expect(json.log.eventCount).toBeGreaterThan(0);
    }
  });
});

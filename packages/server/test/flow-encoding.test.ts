import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BinaryCopyReader,
  BinaryCopyWriter,
  encodeRowPrefix,
  readTimestamp,
  uuidBytes,
} from '../src/flow/copy-binary.ts';
import { NO_WORDS, wordsOf, writeEventFingerprint } from '../src/flow/event-fingerprint.ts';
import { FingerprintSet } from '../src/flow/fingerprint-set.ts';

function fingerprint(partner: string, caseId: string, activity: string, lifecycle: string | null, ts: number, n = 0) {
  const out = new Uint8Array(16);
  writeEventFingerprint(
    out,
    0,
    wordsOf(partner),
    wordsOf(caseId),
    wordsOf(activity),
    lifecycle === null ? NO_WORDS : wordsOf(lifecycle),
    ts,
    n,
  );
  return Buffer.from(out).toString('hex');
}

describe('event fingerprints', () => {
  it('are fixed: stored fingerprints depend on this exact definition', () => {
    expect(fingerprint('p', 'IYSHNKEX3X632QGRIIHARJN473', 'Triage', null, Date.UTC(2025, 2, 1, 10))).toBe(
      fingerprint('p', 'IYSHNKEX3X632QGRIIHARJN473', 'Triage', null, Date.UTC(2025, 2, 1, 10)),
    );
    expect(fingerprint('p', 'A', 'Triage', null, 0)).toBe('bde82596993fc9904b7adfbc13e01823');
  });

  it('differ when any field differs', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.string(), fc.string(), fc.string(), fc.option(fc.string()), fc.integer(), fc.nat(5)),
        fc.tuple(fc.string(), fc.string(), fc.string(), fc.option(fc.string()), fc.integer(), fc.nat(5)),
        (a, b) => {
          const same = JSON.stringify(a) === JSON.stringify(b);
          expect(fingerprint(...a) === fingerprint(...b)).toBe(same);
        },
      ),
    );
    expect(fingerprint('p', 'A', 'x', null, 0)).not.toBe(fingerprint('p', 'A', 'x', '', 0));
    expect(fingerprint('p', 'A', 'x', null, 0, 0)).not.toBe(fingerprint('p', 'A', 'x', null, 0, 1));
  });

  it('are found again in a fingerprint set, however many', () => {
    const set = new FingerprintSet(4);
    const all = Array.from({ length: 5000 }, (_, i) => Buffer.from(fingerprint('p', `c${i}`, 'a', null, i), 'hex'));
    for (const f of all) expect(set.add(f)).toBe(true);
    expect(set.add(all[17]!)).toBe(false);
    expect(set.size).toBe(5000);
    expect(all.every((f) => set.has(f))).toBe(true);
    expect(set.has(Buffer.from(fingerprint('q', 'c1', 'a', null, 1), 'hex'))).toBe(false);
  });
});

describe('binary COPY format', () => {
  it('reads back what it writes, split at any byte', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
            time: fc.integer({ min: -2e12, max: 4e12 }),
            seq: fc.nat({ max: 2 ** 40 }),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.nat(2000), { maxLength: 5 }),
        (rows, cuts) => {
          const writer = new BinaryCopyWriter(64);
          const chain = uuidBytes('0b9e2b5e-3c1f-4a8e-9f00-5d2a6c7e8f91');
          const prefix = encodeRowPrefix(4, [chain]);
          const encoder = new TextEncoder();
          for (const row of rows) {
            const text = row.text === null ? null : encoder.encode(row.text);
            writer.beginRowWith(prefix, 64 + (text?.length ?? 0));
            writer.writeBytes(text);
            writer.writeTimestamp(row.time);
            writer.writeInt8(row.seq);
          }
          const bytes = Buffer.concat(writer.finish());
          const read: { text: string | null; time: number; seq: number; chain: string }[] = [];
          const decoder = new TextDecoder();
          const reader = new BinaryCopyReader(4, (row) => {
            const at = (f: number) => row.bytes.subarray(row.start[f], row.start[f]! + row.length[f]!);
            read.push({
              chain: Buffer.from(at(0)).toString('hex'),
              text: row.length[1] === -1 ? null : decoder.decode(at(1)),
              time: readTimestamp(row, 2),
              seq: row.view.getInt32(row.start[3]!) * 2 ** 32 + row.view.getUint32(row.start[3]! + 4),
            });
          });
          let from = 0;
          for (const cut of [...new Set(cuts)].sort((a, b) => a - b).filter((c) => c < bytes.length)) {
            reader.push(bytes.subarray(from, cut));
            from = cut;
          }
          reader.push(bytes.subarray(from));
          reader.finish();
          expect(read).toEqual(rows.map((row) => ({ ...row, chain: chain.toString('hex') })));
        },
      ),
    );
  });
});

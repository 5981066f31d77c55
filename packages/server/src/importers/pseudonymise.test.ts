import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvEventLog } from '@ketenregie/core/flow';
import { CsvColumnPseudonymiser } from './pseudonymise-csv.ts';
import {
  createPseudonymiser,
  formatPseudonymKeyFile,
  isPseudonym,
  normaliseIdentifier,
  parsePseudonymKeyFile,
  pseudonymiseIdentifier,
} from './pseudonymise-identifier.ts';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

describe('normaliseIdentifier', () => {
  it('removes white space, full stops and hyphens and pads BSN-like numbers to 9 digits', () => {
    expect(normaliseIdentifier(' 123.456.782 ')).toBe('123456782');
    expect(normaliseIdentifier('123 456 782')).toBe('123456782');
    expect(normaliseIdentifier('123-456‐782')).toBe('123456782');
    expect(normaliseIdentifier('12345678')).toBe('012345678');
    expect(normaliseIdentifier('1234567')).toBe('1234567');
    expect(normaliseIdentifier('1234567890')).toBe('1234567890');
    expect(normaliseIdentifier('AB-12')).toBe('AB12');
    expect(normaliseIdentifier('ab12')).not.toBe(normaliseIdentifier('AB12'));
    // "ë" as e + combining diaeresis is the same identifier as the precomposed "ë".
    expect(normaliseIdentifier('Clie\u0308nt')).toBe('Cliënt');
  });
});

describe('pseudonymiseIdentifier', () => {
  it('matches HMAC-SHA-256 + base32 computed independently (Python hmac, base64.b32encode)', () => {
    expect(pseudonymiseIdentifier(KEY, '123456782')).toBe('23CWQ3QDNTWSZZNEBQBRLSAGBP');
    expect(pseudonymiseIdentifier(KEY, '12345678')).toBe('BJMNRX5RWURRHUR3SNL3XRCYPR');
    expect(pseudonymiseIdentifier(KEY, 'Cliënt-42')).toBe('LUICFUFMZV5KQ7RHDTNH64B5XU');
    expect(pseudonymiseIdentifier(KEY, '')).toBe('IYSHNKEX3X632QGRIIHARJN473');
  });

  it('gives one pseudonym for every way of writing one BSN, and a different one under another key', () => {
    const pseudonymise = createPseudonymiser(KEY);
    const forms = ['012345678', '12345678', '012.345.678', ' 0123 45 678 ', '12-34-56-78'];
    expect(new Set(forms.map(pseudonymise)).size).toBe(1);
    const other = createPseudonymiser(Uint8Array.from({ length: 32 }, () => 7));
    expect(other('012345678')).not.toBe(pseudonymise('012345678'));
    expect(isPseudonym(pseudonymise('012345678'))).toBe(true);
    expect(isPseudonym('012345678')).toBe(false);
  });
});

describe('key files', () => {
  it('round-trips the JSON key file and reads a bare base64 or hex key', () => {
    const text = formatPseudonymKeyFile({ chain: 'acute-zorg', version: 3, key: KEY });
    expect(parsePseudonymKeyFile(text, 'k.json')).toEqual({ key: Buffer.from(KEY), version: 3, chain: 'acute-zorg' });
    expect(parsePseudonymKeyFile(Buffer.from(KEY).toString('hex'), 'k').key).toEqual(Buffer.from(KEY));
    expect(parsePseudonymKeyFile(`${Buffer.from(KEY).toString('base64')}\n`, 'k').version).toBeNull();
  });

  it('refuses anything else without repeating the file contents', () => {
    let message = '';
    try {
      parsePseudonymKeyFile('geheim-maar-geen-sleutel', 'k.txt');
    } catch (error) {
      message = JSON.stringify(error) + String(error);
    }
    expect(message).toContain('k.txt');
    expect(message).not.toContain('geheim');
  });
});

/** A field as written in a CSV: its value and whether it is quoted. */
interface Field {
  readonly value: string;
  readonly quoted: boolean;
}

function writeField(field: Field): string {
  return field.quoted ? `"${field.value.replaceAll('"', '""')}"` : field.value;
}

const plainValue = fc.stringMatching(/^[A-Za-z0-9 .\-ëé]{0,12}$/);
const anyValue = fc.oneof(plainValue, fc.stringMatching(/^[A-Za-z0-9 ,;\t"\n\r.ë-]{0,12}$/));
const fieldArbitrary = fc.oneof(
  plainValue.map((value) => ({ value, quoted: false })),
  anyValue.map((value) => ({ value, quoted: true })),
);

function runThrough(transformer: CsvColumnPseudonymiser, bytes: Uint8Array, cuts: readonly number[]): string {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b)) {
    pieces.push(...transformer.push(bytes.slice(from, cut)).map((p) => p.slice()));
    from = cut;
  }
  pieces.push(...transformer.push(bytes.slice(from)).map((p) => p.slice()));
  pieces.push(...transformer.finish());
  return Buffer.concat(pieces).toString('utf8');
}

describe('CsvColumnPseudonymiser', () => {
  const pseudonymise = createPseudonymiser(KEY);

  it('replaces exactly the chosen column and keeps every other byte, in any chunking', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.tuple(fieldArbitrary, fieldArbitrary, fieldArbitrary), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (delimiter, newline, bom, rows, cuts) => {
          const nonBlank = rows.filter((row) => row.some((f) => f.quoted || f.value !== ''));
          const header = ['id', 'bsn', 'activity'].join(delimiter);
          const line = (row: readonly Field[]) => row.map(writeField).join(delimiter);
          const input = (bom ? '\uFEFF' : '') + [header, ...nonBlank.map(line)].join(newline) + newline;
          const expected =
            (bom ? '\uFEFF' : '') +
            [
              header,
              ...nonBlank.map((row) =>
                line([row[0], { value: pseudonymise(row[1].value), quoted: row[1].quoted }, row[2]]),
              ),
            ].join(newline) +
            newline;
          const transformer = new CsvColumnPseudonymiser({ column: 'bsn', pseudonymise });
          expect(runThrough(transformer, Buffer.from(input, 'utf8'), cuts)).toBe(expected);
        },
      ),
    );
  });

  it('gives the same pseudonyms the server computes from what the CSV reader reads', () => {
    const csv =
      'case_id;activity;timestamp\n"12.345.678";"Melding; 112";2024-01-01 10:00\n012345678;Rit;2024-01-01 10:05\n"a""b";Rit;2024-01-01 10:06';
    const transformer = new CsvColumnPseudonymiser({ column: 'case_id', pseudonymise });
    const output = runThrough(transformer, Buffer.from(csv), [9, 30]);
    const before = readCsvEventLog(csv).caseIds.toArray().map(pseudonymise);
    expect(readCsvEventLog(output).caseIds.toArray()).toEqual([...new Set(before)]);
    expect(before[0]).toBe(before[1]);
    expect(transformer.replacedCount).toBe(3);
  });

  it('names line and column of a short record but never its values', () => {
    const transformer = new CsvColumnPseudonymiser({ column: 'bsn', pseudonymise, fileName: 'x.csv' });
    expect(() => runThrough(transformer, Buffer.from('naam,bsn\nJansen\n'), [])).toThrow(/line 2/);
    const second = new CsvColumnPseudonymiser({ column: 'bsn', pseudonymise, fileName: 'x.csv' });
    let text = '';
    try {
      runThrough(second, Buffer.from('bsn,naam\n"123456782,Jansen\n'), []);
    } catch (error) {
      text = JSON.stringify(error) + String(error);
    }
    expect(text).toContain('not closed');
    expect(text).not.toContain('123456782');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDbf } from './dbf-table.js';
import { UnsupportedCodePageError } from './text-encoding.js';

const THIRD_PARTY = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../tests/fixtures/import/third-party',
);

// GBK bytes of 中文 and 名称 (GB 2312 code points D6D0 CEC4, C3FB B3C6), written out by hand.
const ZHONGWEN_GBK = [0xd6, 0xd0, 0xce, 0xc4];
const MINGCHENG_GBK = [0xc3, 0xfb, 0xb3, 0xc6];
const ZHONGWEN_UTF8 = [...new TextEncoder().encode('中文')];

/**
 * A one-field (C, 8 bytes) + one-field (N, `numberWidth`) dBASE table; numbers are right-aligned
 * in blanks, or given as raw bytes (`numberBytes`, left-aligned, the rest NUL).
 */
function dbf(
  name: number[],
  records: { text: number[]; number: string; numberBytes?: number[]; deleted?: boolean }[],
  languageDriver = 0,
  numberWidth = 4,
): Uint8Array {
  const headerLength = 32 + 2 * 32 + 1;
  const recordLength = 1 + 8 + numberWidth;
  const bytes = new Uint8Array(headerLength + records.length * recordLength + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 3;
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = languageDriver;
  bytes.set(name, 32);
  bytes[32 + 11] = 'C'.charCodeAt(0);
  bytes[32 + 16] = 8;
  bytes.set(
    [...'POP'].map((c) => c.charCodeAt(0)),
    64,
  );
  bytes[64 + 11] = 'N'.charCodeAt(0);
  bytes[64 + 16] = numberWidth;
  bytes[headerLength - 1] = 0x0d;
  records.forEach((record, k) => {
    const at = headerLength + k * recordLength;
    bytes.fill(0x20, at, at + recordLength);
    bytes[at] = record.deleted ? 0x2a : 0x20;
    bytes.set(record.text, at + 1);
    if (record.numberBytes) {
      bytes.fill(0, at + 1 + 8, at + 1 + 8 + numberWidth);
      bytes.set(record.numberBytes, at + 1 + 8);
      return;
    }
    const digits = [...record.number].map((c) => c.charCodeAt(0));
    bytes.set(digits, at + 1 + 8 + numberWidth - digits.length);
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

describe('readDbf', () => {
  it('detects GBK text and field names when nothing says the encoding', () => {
    const table = readDbf(
      dbf(MINGCHENG_GBK, [
        { text: ZHONGWEN_GBK, number: '12' },
        { text: ZHONGWEN_GBK, number: '', deleted: true },
        { text: [], number: '**' },
      ]),
    );
    expect(table.encoding).toEqual({ encoding: 'gbk', from: 'detected' });
    expect(table.fields.map((field) => field.name)).toEqual(['名称', 'POP']);
    expect(table.records).toEqual([{ 名称: '中文', POP: 12 }, null, { 名称: null, POP: null }]);
  });

  it('honours the option, then the .cpg, then the language driver; UTF-8 is detected too', () => {
    expect(readDbf(dbf([0x4e, 0x41, 0x4d, 0x45], [{ text: ZHONGWEN_UTF8, number: '1' }])).encoding).toEqual({
      encoding: 'utf8',
      from: 'detected',
    });
    expect(readDbf(dbf([0x4e], [{ text: ZHONGWEN_GBK, number: '1' }], 0x4d)).encoding).toEqual({
      encoding: 'gbk',
      from: 'dbf-language-driver',
      named: '0x4D',
    });
    expect(
      readDbf(dbf([0x4e], [{ text: ZHONGWEN_UTF8, number: '1' }], 0x4d), { cpgEncoding: 'utf8' }).records[0],
    ).toEqual({ N: '中文', POP: 1 });
    expect(
      readDbf(dbf([0x4e], [{ text: ZHONGWEN_GBK, number: '1' }]), { encoding: 'gbk', cpgEncoding: 'utf8' })
        .records[0],
    ).toEqual({ N: '中文', POP: 1 });
  });

  it('reads numbers padded with NUL bytes, and cuts a value at its first NUL', () => {
    const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
    const table = readDbf(
      dbf(
        [0x4e],
        [
          { text: ascii('A'), number: '', numberBytes: ascii('3444165') },
          { text: ascii('B'), number: '', numberBytes: [0x20, ...ascii('12.5'), 0, 0x50, 0x41] },
          { text: ascii('C'), number: '', numberBytes: [] },
          { text: [0x44, 0, 0x58, 0x58], number: '7' },
        ],
        0,
        10,
      ),
    );
    expect(table.records).toEqual([
      { N: 'A', POP: 3444165 },
      { N: 'B', POP: 12.5 },
      { N: 'C', POP: null },
      { N: 'D', POP: 7 },
    ]);
  });

  it('reads files other programs wrote: NUL-padded numbers, and GBK named by the language driver (dbase-rs test data)', () => {
    const padded = readDbf(readFileSync(path.join(THIRD_PARTY, 'contain_null_padded_numeric.dbf')));
    expect(padded.fields).toEqual([{ name: 'number', type: 'N', length: 50, decimals: 0 }]);
    expect(padded.records).toEqual([{ number: 1234 }]);

    const gbk = readDbf(readFileSync(path.join(THIRD_PARTY, 'cp936.dbf')));
    expect(gbk.encoding).toEqual({ encoding: 'gbk', from: 'dbf-language-driver', named: '0x4D' });
    expect(gbk.records).toEqual([{ TEST: '测试中文' }]);
  });

  it('reads UTF-16 text, field names included, as GDAL writes it (a byte-order mark in every cell)', () => {
    const utf16 = (text: string) => [
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer),
    ];
    const table = readDbf(dbf(utf16('名'), [{ text: utf16('臺北'), number: '5' }]), {
      cpgEncoding: 'utf-16le',
      cpgNamed: 'UTF-16',
    });
    expect(table.fields.map((field) => field.name)).toEqual(['名', 'POP']);
    expect(table.records).toEqual([{ 名: '臺北', POP: 5 }]);
  });

  it('refuses a language driver byte naming a code page it cannot decode, unless an encoding is given', () => {
    const greekDos = dbf([0x4e], [{ text: [0x41], number: '1' }], 0x6a);
    expect(() => readDbf(greekDos)).toThrow(UnsupportedCodePageError);
    expect(readDbf(greekDos, { encoding: 'utf8' }).records).toEqual([{ N: 'A', POP: 1 }]);
  });

  it('refuses a file too short for its header', () => {
    expect(() => readDbf(new Uint8Array(10))).toThrow(/shorter than its 32-byte header/);
  });
});

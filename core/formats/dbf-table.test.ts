import { describe, expect, it } from 'vitest';
import { readDbf } from './dbf-table.js';

// GBK bytes of 中文 and 名称 (GB 2312 code points D6D0 CEC4, C3FB B3C6), written out by hand.
const ZHONGWEN_GBK = [0xd6, 0xd0, 0xce, 0xc4];
const MINGCHENG_GBK = [0xc3, 0xfb, 0xb3, 0xc6];
const ZHONGWEN_UTF8 = [...new TextEncoder().encode('中文')];

/** A one-field (C, 8 bytes) + one-field (N, 4) dBASE table. */
function dbf(
  name: number[],
  records: { text: number[]; number: string; deleted?: boolean }[],
  languageDriver = 0,
): Uint8Array {
  const headerLength = 32 + 2 * 32 + 1;
  const recordLength = 1 + 8 + 4;
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
  bytes[64 + 16] = 4;
  bytes[headerLength - 1] = 0x0d;
  records.forEach((record, k) => {
    const at = headerLength + k * recordLength;
    bytes.fill(0x20, at, at + recordLength);
    bytes[at] = record.deleted ? 0x2a : 0x20;
    bytes.set(record.text, at + 1);
    const digits = [...record.number].map((c) => c.charCodeAt(0));
    bytes.set(digits, at + 1 + 8 + 4 - digits.length);
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
    });
    expect(
      readDbf(dbf([0x4e], [{ text: ZHONGWEN_UTF8, number: '1' }], 0x4d), { cpgEncoding: 'utf8' }).records[0],
    ).toEqual({ N: '中文', POP: 1 });
    expect(
      readDbf(dbf([0x4e], [{ text: ZHONGWEN_GBK, number: '1' }]), { encoding: 'gbk', cpgEncoding: 'utf8' })
        .records[0],
    ).toEqual({ N: '中文', POP: 1 });
  });

  it('refuses a file too short for its header', () => {
    expect(() => readDbf(new Uint8Array(10))).toThrow(/shorter than its 32-byte header/);
  });
});

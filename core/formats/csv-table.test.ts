import { describe, expect, it } from 'vitest';
import { CsvError, CsvTooManyRowsError, parseCsv, sniffDelimiter } from './csv-table.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes and CRLF, keeping line numbers', () => {
    const table = parseCsv('名称,备注,人口\r\n"幼儿园, 东区","他说""好""",300\r\n\r\n"两行\r\n备注",x,5\r\n');
    expect(table.header).toEqual(['名称', '备注', '人口']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['幼儿园, 东区', '他说"好"', '300'] },
      { line: 4, cells: ['两行\r\n备注', 'x', '5'] },
    ]);
  });

  it('sniffs tab, semicolon and full-width comma delimiters', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(parseCsv('名称，人口\n甲，3').rows[0].cells).toEqual(['甲', '3']);
  });

  it('refuses a quote that never closes and an empty file', () => {
    expect(() => parseCsv('a,b\n"open,1\n2,3')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n"open,1\n2,3')).toThrow(/line 2/);
    expect(() => parseCsv('')).toThrow(/empty/);
  });

  it('stops at the first row past maxRows (the header and blank lines not counted)', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4\n', ',', 2).rows).toHaveLength(2);
    expect(() => parseCsv('a,b\n1,2\n3,4\n5,6\n', ',', 2)).toThrow(CsvTooManyRowsError);
    expect(() => parseCsv('a,b\n1,2\n3,4\n5,6\n', ',', 2)).toThrow(/more than 2 rows/);
  });
});

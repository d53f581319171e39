import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from './feature-table.js';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('东区, 一号')).toBe('"东区, 一号"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
  });

  it('keeps text a spreadsheet would run as a formula from running: a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+86 123')).toBe("'+86 123");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Numbers are data, negative ones included; text elsewhere is left alone.
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('社区-1')).toBe('社区-1');
  });

  it('escapes headers as well as cells', () => {
    expect(csvTable(['=cmd', 'name'], [['@x', 3]])).toBe("\uFEFF'=cmd,name\r\n'@x,3\r\n");
  });
});

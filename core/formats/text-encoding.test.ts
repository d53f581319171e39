import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  chooseTextEncoding,
  decodeText,
  encodingFromCpg,
  encodingFromDbfLanguageDriver,
  encodingFromName,
  encodingLabel,
  isValidUtf8,
  linesNotIn,
  scanNonAsciiLines,
  TEXT_ENCODINGS,
  UnsupportedCodePageError,
} from './text-encoding.js';

const GBK_ZHONGWEN = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);

describe('text encodings', () => {
  it('reads a file mixing UTF-8 and GBK lines in the encoding most of its lines are in, naming the others', () => {
    const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
    const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
    // Lines end in LF, CRLF and a lone CR, as a CSV reader counts them.
    const mostlyUtf8 = new Uint8Array(
      Buffer.concat([utf8('名称\n甲\r\n'), gbk('乙\r'), utf8('plain\n丙\n'), gbk('丁')]),
    );
    expect(scanNonAsciiLines(mostlyUtf8)).toEqual({ utf8: [1, 2, 5], notUtf8: [3, 6] });
    expect(chooseTextEncoding(mostlyUtf8)).toEqual({ encoding: 'utf8', from: 'detected' });
    expect(linesNotIn(mostlyUtf8, 'utf8')).toEqual([3, 6]);

    const mostlyGbk = new Uint8Array(Buffer.concat([gbk('名称\n甲\n乙\n'), utf8('丙\n')]));
    expect(chooseTextEncoding(mostlyGbk)).toEqual({ encoding: 'gbk', from: 'detected' });
    expect(linesNotIn(mostlyGbk, 'gbk')).toEqual([4]);
    expect(linesNotIn(utf8('名称\n甲\n'), 'utf8')).toEqual([]);
    expect(linesNotIn(gbk('名称\n甲\n'), 'gbk')).toEqual([]);
  });

  it('judges UTF-8 line by line as the strict decoder does (overlong forms, surrogates, truncation)', () => {
    const samples = [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe4, 0xb8],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe4, 0xb8, 0xad],
      [0xc3, 0xa9],
    ];
    for (const sample of samples) {
      const bytes = new Uint8Array(sample);
      const { utf8 } = scanNonAsciiLines(bytes);
      expect(utf8.length === 1, sample.map((byte) => byte.toString(16)).join(' ')).toBe(isValidUtf8(bytes));
    }
  });

  it('takes valid UTF-8 as UTF-8 and anything else as GBK, unless told or marked', () => {
    expect(chooseTextEncoding(new TextEncoder().encode('名称,人口'))).toEqual({
      encoding: 'utf8',
      from: 'detected',
    });
    expect(chooseTextEncoding(GBK_ZHONGWEN)).toEqual({ encoding: 'gbk', from: 'detected' });
    expect(chooseTextEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: 'utf8',
      from: 'bom',
    });
    expect(chooseTextEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({
      encoding: 'utf-16le',
      from: 'bom',
    });
    expect(chooseTextEncoding(GBK_ZHONGWEN, 'utf8')).toEqual({ encoding: 'utf8', from: 'option' });
    expect(decodeText(GBK_ZHONGWEN, 'gbk')).toBe('中文');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'utf8')).toBe('A');
  });

  it('decodes every encoding it names as iconv-lite encodes it', () => {
    const samples: [(typeof TEXT_ENCODINGS)[number], string, string][] = [
      ['big5', 'big5', '臺北市中正區'],
      ['shift-jis', 'shift_jis', '東京都千代田区'],
      ['euc-jp', 'euc-jp', '東京都千代田区'],
      ['euc-kr', 'euc-kr', '서울특별시'],
      ['koi8-r', 'koi8-r', 'Москва'],
      ['koi8-u', 'koi8-u', 'Київ'],
      ['windows-1250', 'windows-1250', 'Łódź'],
      ['windows-1251', 'windows-1251', 'Москва'],
      ['windows-1252', 'windows-1252', 'Zürich €'],
      ['windows-1253', 'windows-1253', 'Αθήνα'],
      ['windows-874', 'windows-874', 'กรุงเทพ'],
      ['iso-8859-2', 'iso-8859-2', 'Łódź'],
      ['iso-8859-15', 'iso-8859-15', 'Zürich €'],
      ['iso-8859-1', 'iso-8859-1', 'Zürich'],
      ['ibm866', 'cp866', 'Москва'],
      ['cp437', 'cp437', 'Zürich ░▒▓'],
      ['cp850', 'cp850', 'Zürich ØÆ'],
      ['cp852', 'cp852', 'Łódź'],
      ['macintosh', 'macintosh', 'Zürich'],
      ['utf-16le', 'utf-16le', '臺北'],
      ['utf-16be', 'utf-16be', '臺北'],
    ];
    const wrong = samples.filter(
      ([encoding, iconvName, text]) =>
        decodeText(new Uint8Array(iconv.encode(text, iconvName)), encoding) !== text,
    );
    expect(wrong.map(([encoding]) => encoding)).toEqual([]);
  });

  it('has the DOS tables of iconv-lite for every upper-half byte', () => {
    const upper = new Uint8Array(128).map((_, index) => 0x80 + index);
    for (const encoding of ['cp437', 'cp850', 'cp852'] as const)
      expect(decodeText(upper, encoding)).toBe(iconv.decode(Buffer.from(upper), encoding));
    // Windows-1252 as iconv-lite has it, where it assigns the byte (five bytes it leaves unassigned).
    const windows1252 = decodeText(upper, 'windows-1252');
    const iconv1252 = iconv.decode(Buffer.from(upper), 'windows-1252');
    expect(
      [...windows1252].filter((char, index) => iconv1252[index] !== '\ufffd' && char !== iconv1252[index]),
    ).toEqual([]);
  });

  it('reads code page names as .cpg files and people write them', () => {
    const names: [string, string][] = [
      ['UTF-8\r\n', 'utf8'],
      ['65001', 'utf8'],
      ['936', 'gbk'],
      ['GB2312', 'gbk'],
      ['CP936', 'gbk'],
      ['BIG5', 'big5'],
      ['Big5-HKSCS', 'big5'],
      ['950', 'big5'],
      ['CP950', 'big5'],
      ['SHIFT_JIS', 'shift-jis'],
      ['932', 'shift-jis'],
      ['EUC-KR', 'euc-kr'],
      ['CP949', 'euc-kr'],
      ['KOI8-R', 'koi8-r'],
      ['20866', 'koi8-r'],
      ['1251', 'windows-1251'],
      ['ANSI 1252', 'windows-1252'],
      ['windows-1250', 'windows-1250'],
      ['ISO-8859-1', 'iso-8859-1'],
      ['88592', 'iso-8859-2'],
      ['ISO88595', 'iso-8859-5'],
      ['28605', 'iso-8859-15'],
      ['UTF-16', 'utf-16le'],
      ['UTF-16BE', 'utf-16be'],
      ['CP437', 'cp437'],
      ['866', 'ibm866'],
    ];
    for (const [name, encoding] of names) expect(encodingFromCpg(name), name).toBe(encoding);
    expect(encodingFromName('ANSI')).toBe('system');
    expect(encodingFromCpg('OEM')).toBeNull();
  });

  it('refuses a code page it cannot decode, naming it, in both languages', () => {
    const refusal = (() => {
      try {
        encodingFromCpg('CP737\n');
      } catch (error) {
        return error;
      }
    })() as UnsupportedCodePageError;
    expect(refusal).toBeInstanceOf(UnsupportedCodePageError);
    expect(refusal).toMatchObject({ codePage: 'CP737', source: 'cpg' });
    expect(refusal.message).toMatch(/the \.cpg names code page "CP737", which cannot be decoded/);
    expect(refusal.messageZh).toMatch(/\.cpg 文件指定的代码页“CP737”无法解码/);
    expect(() => encodingFromCpg('EBCDIC-FR')).toThrow(/"EBCDIC-FR"/);
  });

  it('reads the dBASE language driver byte: 0 and 0x57 say nothing', () => {
    expect(encodingFromDbfLanguageDriver(0)).toBeNull();
    expect(encodingFromDbfLanguageDriver(0x57)).toBeNull();
    expect(encodingFromDbfLanguageDriver(0x4d)).toBe('gbk');
    expect(encodingFromDbfLanguageDriver(0x7a)).toBe('gbk');
    expect(encodingFromDbfLanguageDriver(0x4f)).toBe('big5');
    expect(encodingFromDbfLanguageDriver(0x13)).toBe('shift-jis');
    expect(encodingFromDbfLanguageDriver(0xc9)).toBe('windows-1251');
    expect(encodingFromDbfLanguageDriver(0x01)).toBe('cp437');
    expect(() => encodingFromDbfLanguageDriver(0x6a)).toThrow(
      /dBASE language driver byte \(0x6A\) names code page "737"/,
    );
  });

  it('decodes and labels every encoding in both languages', () => {
    for (const encoding of TEXT_ENCODINGS) {
      expect(() => decodeText(new Uint8Array([0x41, 0x42, 0xc1, 0xc2]), encoding), encoding).not.toThrow();
      expect(encodingLabel(encoding).en).not.toBe('');
      expect(encodingLabel(encoding).zh).not.toBe('');
    }
    expect(encodingLabel('big5')).toEqual({
      en: 'Big5 (Traditional Chinese, code page 950)',
      zh: '繁体中文 Big5（代码页 950）',
    });
  });
});

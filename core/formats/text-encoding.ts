/**
 * Text encodings of imported files. UTF-8 and GBK (as the GB 18030 superset) are what Chinese
 * desktop GIS and spreadsheets write; a Shapefile's .cpg or its dBASE language driver byte can name
 * any other code page (Big5 from Taiwan and Hong Kong, Shift-JIS, EUC-KR, the Windows-125x and ISO
 * 8859 pages, KOI8-R, the DOS pages, UTF-16 …), and every one it names is honoured. Decoding uses
 * the WHATWG TextDecoder (Node's full ICU and every browser decode all the multi-byte pages), plus
 * three DOS pages it lacks from tables below, so core stays free of I/O and native code.
 */

import { BilingualError, type Bilingual } from './bilingual-error.js';

/** Every encoding this importer reads, by the name the API, the command line and the report use. */
export const TEXT_ENCODINGS = [
  'utf8',
  'gbk',
  'big5',
  'shift-jis',
  'euc-jp',
  'euc-kr',
  'koi8-r',
  'koi8-u',
  'windows-874',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-9',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-15',
  'ibm866',
  'cp437',
  'cp850',
  'cp852',
  'macintosh',
  'x-mac-cyrillic',
  'utf-16le',
  'utf-16be',
] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Where the encoding used came from, for the preview and the report. */
export type EncodingSource = 'option' | 'bom' | 'cpg' | 'dbf-language-driver' | 'detected';

export interface ChosenEncoding {
  encoding: TextEncodingName;
  from: EncodingSource;
  /** What the file said, when it named the encoding: the .cpg's text ("BIG5", "950") or the language driver byte ("0x4F"). */
  named?: string;
}

/** A code page a .cpg or the language driver byte names that this importer cannot decode. */
export class UnsupportedCodePageError extends BilingualError {
  constructor(
    /** As the file named it: the .cpg's text, or the code page the language driver byte stands for. */
    readonly codePage: string,
    readonly source: 'cpg' | 'dbf-language-driver',
    /** The language driver byte, for that source. */
    readonly languageDriver: number | null = null,
  ) {
    const where = encodingSourceText(source, languageDriver);
    super({
      en: `the ${where.en} names code page "${codePage}", which cannot be decoded here: save the file as UTF-8, or say which encoding to read it with (--encoding, API "encoding")`,
      zh: `${where.zh}指定的代码页“${codePage}”无法解码：请把文件另存为 UTF-8，或指定读取所用的编码（命令行 --encoding；API："encoding"）`,
    });
    this.name = 'UnsupportedCodePageError';
  }
}

/** Where an encoding came from, as a phrase: ".cpg", "dBASE language driver byte (0x64)". */
export function encodingSourceText(source: EncodingSource, languageDriver: number | null = null): Bilingual {
  const hex =
    languageDriver === null ? '' : ` (0x${languageDriver.toString(16).toUpperCase().padStart(2, '0')})`;
  const hexZh =
    languageDriver === null ? '' : `（0x${languageDriver.toString(16).toUpperCase().padStart(2, '0')}）`;
  switch (source) {
    case 'cpg':
      return { en: '.cpg', zh: '.cpg 文件' };
    case 'dbf-language-driver':
      return { en: `dBASE language driver byte${hex}`, zh: `dBASE 语言驱动字节${hexZh}` };
    case 'option':
      return { en: 'encoding option', zh: '指定的编码' };
    case 'bom':
      return { en: 'byte-order mark', zh: '字节顺序标记（BOM）' };
    case 'detected':
      return { en: 'text itself', zh: '文本内容' };
  }
}

/** Names of the encodings in the report: what the encoding is, in both languages. */
const ENCODING_LABELS: Record<TextEncodingName, Bilingual> = {
  utf8: { en: 'UTF-8', zh: 'UTF-8' },
  gbk: {
    en: 'GBK (Simplified Chinese, GB 18030, code page 936)',
    zh: '简体中文 GBK（GB 18030，代码页 936）',
  },
  big5: { en: 'Big5 (Traditional Chinese, code page 950)', zh: '繁体中文 Big5（代码页 950）' },
  'shift-jis': { en: 'Shift-JIS (Japanese, code page 932)', zh: '日文 Shift-JIS（代码页 932）' },
  'euc-jp': { en: 'EUC-JP (Japanese)', zh: '日文 EUC-JP' },
  'euc-kr': { en: 'EUC-KR (Korean, code page 949)', zh: '韩文 EUC-KR（代码页 949）' },
  'koi8-r': { en: 'KOI8-R (Russian)', zh: '俄文 KOI8-R' },
  'koi8-u': { en: 'KOI8-U (Ukrainian)', zh: '乌克兰文 KOI8-U' },
  'windows-874': { en: 'Windows-874 (Thai)', zh: '泰文 Windows-874' },
  'windows-1250': { en: 'Windows-1250 (Central European)', zh: '中欧文字 Windows-1250' },
  'windows-1251': { en: 'Windows-1251 (Cyrillic)', zh: '西里尔文字 Windows-1251' },
  'windows-1252': { en: 'Windows-1252 (Western European)', zh: '西欧文字 Windows-1252' },
  'windows-1253': { en: 'Windows-1253 (Greek)', zh: '希腊文 Windows-1253' },
  'windows-1254': { en: 'Windows-1254 (Turkish)', zh: '土耳其文 Windows-1254' },
  'windows-1255': { en: 'Windows-1255 (Hebrew)', zh: '希伯来文 Windows-1255' },
  'windows-1256': { en: 'Windows-1256 (Arabic)', zh: '阿拉伯文 Windows-1256' },
  'windows-1257': { en: 'Windows-1257 (Baltic)', zh: '波罗的海文字 Windows-1257' },
  'windows-1258': { en: 'Windows-1258 (Vietnamese)', zh: '越南文 Windows-1258' },
  'iso-8859-1': { en: 'ISO-8859-1 (Western European)', zh: '西欧文字 ISO-8859-1' },
  'iso-8859-2': { en: 'ISO-8859-2 (Central European)', zh: '中欧文字 ISO-8859-2' },
  'iso-8859-3': { en: 'ISO-8859-3 (South European)', zh: '南欧文字 ISO-8859-3' },
  'iso-8859-4': { en: 'ISO-8859-4 (North European)', zh: '北欧文字 ISO-8859-4' },
  'iso-8859-5': { en: 'ISO-8859-5 (Cyrillic)', zh: '西里尔文字 ISO-8859-5' },
  'iso-8859-6': { en: 'ISO-8859-6 (Arabic)', zh: '阿拉伯文 ISO-8859-6' },
  'iso-8859-7': { en: 'ISO-8859-7 (Greek)', zh: '希腊文 ISO-8859-7' },
  'iso-8859-8': { en: 'ISO-8859-8 (Hebrew)', zh: '希伯来文 ISO-8859-8' },
  'iso-8859-9': { en: 'ISO-8859-9 (Turkish)', zh: '土耳其文 ISO-8859-9' },
  'iso-8859-10': { en: 'ISO-8859-10 (Nordic)', zh: '北欧文字 ISO-8859-10' },
  'iso-8859-13': { en: 'ISO-8859-13 (Baltic)', zh: '波罗的海文字 ISO-8859-13' },
  'iso-8859-14': { en: 'ISO-8859-14 (Celtic)', zh: '凯尔特文字 ISO-8859-14' },
  'iso-8859-15': { en: 'ISO-8859-15 (Western European with €)', zh: '西欧文字 ISO-8859-15（含 €）' },
  ibm866: { en: 'IBM866 (Russian DOS)', zh: '俄文 DOS 代码页 IBM866' },
  cp437: { en: 'CP437 (US DOS)', zh: '美国 DOS 代码页 CP437' },
  cp850: { en: 'CP850 (Western European DOS)', zh: '西欧 DOS 代码页 CP850' },
  cp852: { en: 'CP852 (Central European DOS)', zh: '中欧 DOS 代码页 CP852' },
  macintosh: { en: 'Mac OS Roman', zh: 'Mac OS 罗马字母' },
  'x-mac-cyrillic': { en: 'Mac OS Cyrillic', zh: 'Mac OS 西里尔文字' },
  'utf-16le': { en: 'UTF-16 (little-endian)', zh: 'UTF-16（小端序）' },
  'utf-16be': { en: 'UTF-16 (big-endian)', zh: 'UTF-16（大端序）' },
};

/** What an encoding is, in both languages: big5 → "Big5 (Traditional Chinese, code page 950)". */
export function encodingLabel(encoding: TextEncodingName): Bilingual {
  return ENCODING_LABELS[encoding];
}

/** Latin-1's upper half, U+00A0–U+00FF, which Windows-1252 shares from byte 0xA0 on. */
const LATIN1_FROM_A0 = String.fromCharCode(...Array.from({ length: 96 }, (_, index) => 0xa0 + index));

/**
 * The upper halves (bytes 0x80–0xFF) of the single-byte code pages decoded by table: the DOS pages
 * TextDecoder lacks, as published by IBM and Microsoft (a test compares them with iconv-lite's),
 * and Windows-1252, which Node's TextDecoder (before Node 23) decodes as Latin-1, losing € and the
 * curly quotes; its five unassigned bytes map to the C1 controls, as the WHATWG Encoding Standard does.
 */
const UPPER_HALVES: Record<'cp437' | 'cp850' | 'cp852' | 'windows-1252', string> = {
  'windows-1252': '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ' + LATIN1_FROM_A0,
  cp437:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp850:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
  cp852:
    'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00ad˝˛ˇ˘§÷¸°¨˙űŘř■\u00a0',
};

/** The WHATWG TextDecoder label of each encoding it decodes where it differs from the name (tables above aside). */
const DECODER_LABELS: Partial<Record<TextEncodingName, string>> = {
  utf8: 'utf-8',
  // GB 18030 decodes every GBK and GB 2312 byte sequence the same way and adds the rest of Unicode.
  gbk: 'gb18030',
  // The WHATWG Big5 decoder is Big5 with the HKSCS extensions, a superset of code page 950.
  big5: 'big5',
  'shift-jis': 'shift_jis',
};

const decoders = new Map<string, TextDecoder>();
function decoderFor(label: string): TextDecoder {
  let decoder = decoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label);
    decoders.set(label, decoder);
  }
  return decoder;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes start with the UTF-8 byte-order mark. */
function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** UTF-16 by its byte-order mark: FF FE little-endian, FE FF big-endian. */
function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Whether the encoding spends two bytes on every character (so a NUL byte is not the end of the text). */
export function isUtf16(encoding: TextEncodingName): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/**
 * The encoding of a text file: the option when given, UTF-8 or UTF-16 when it starts with their
 * byte-order mark, UTF-8 when it is valid UTF-8 (pure ASCII included), GBK otherwise — GBK text is
 * almost never valid UTF-8, because its lead bytes 0x81–0xFE are followed by trail bytes UTF-8 does
 * not allow there. A file that mixes the two (rows pasted from another file) is read in the
 * encoding most of its non-ASCII lines are in; linesNotIn names the others.
 */
export function chooseTextEncoding(bytes: Uint8Array, option?: TextEncodingName | null): ChosenEncoding {
  if (option) return { encoding: option, from: 'option' };
  if (hasUtf8Bom(bytes)) return { encoding: 'utf8', from: 'bom' };
  const utf16 = utf16ByBom(bytes);
  if (utf16) return { encoding: utf16, from: 'bom' };
  if (isValidUtf8(bytes)) return { encoding: 'utf8', from: 'detected' };
  const lines = scanNonAsciiLines(bytes);
  return { encoding: lines.utf8.length > lines.notUtf8.length ? 'utf8' : 'gbk', from: 'detected' };
}

/**
 * The 1-based lines (a line ends at LF, CRLF or a lone CR, as a CSV reader counts them) holding
 * bytes above 0x7F, split by whether the line is valid UTF-8. GBK never uses 0x0A or 0x0D as a
 * trail byte, so splitting the bytes at them splits GBK text only between characters.
 */
export function scanNonAsciiLines(bytes: Uint8Array): { utf8: number[]; notUtf8: number[] } {
  const utf8: number[] = [];
  const notUtf8: number[] = [];
  let line = 1;
  let start = 0;
  let nonAscii = false;
  const endLine = (end: number) => {
    if (nonAscii) (isUtf8Range(bytes, start, end) ? utf8 : notUtf8).push(line);
    nonAscii = false;
  };
  for (let k = 0; k < bytes.length; k += 1) {
    const byte = bytes[k];
    if (byte >= 0x80) nonAscii = true;
    else if (byte === 0x0a || byte === 0x0d) {
      endLine(k);
      if (byte === 0x0d && bytes[k + 1] === 0x0a) k += 1;
      line += 1;
      start = k + 1;
    }
  }
  endLine(bytes.length);
  return { utf8, notUtf8 };
}

/**
 * The lines of a text file (see scanNonAsciiLines) that are not text in `encoding`: for UTF-8 the
 * lines that are not valid UTF-8; for GBK the non-ASCII lines that are valid UTF-8, which GBK text
 * almost never is. None for other encodings, whose bytes cannot be told apart this way.
 */
export function linesNotIn(bytes: Uint8Array, encoding: TextEncodingName): number[] {
  if (encoding !== 'utf8' && encoding !== 'gbk') return [];
  if (encoding === 'utf8' && isValidUtf8(bytes)) return [];
  const lines = scanNonAsciiLines(bytes);
  return encoding === 'utf8' ? lines.notUtf8 : lines.utf8;
}

/** Whether bytes[start, end) are valid UTF-8 (RFC 3629: no overlong forms, surrogates or values past U+10FFFF). */
function isUtf8Range(bytes: Uint8Array, start: number, end: number): boolean {
  let k = start;
  while (k < end) {
    const lead = bytes[k];
    if (lead < 0x80) {
      k += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return false;
    if (k + length > end) return false;
    const second = bytes[k + 1];
    if (second < low || second > high) return false;
    for (let next = k + 2; next < k + length; next += 1)
      if (bytes[next] < 0x80 || bytes[next] > 0xbf) return false;
    k += length;
  }
  return true;
}

/**
 * Decodes bytes (a leading byte-order mark is dropped; UTF-16 follows its mark's byte order).
 * Invalid sequences become U+FFFD rather than throwing.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'utf8') return decoderFor('utf-8').decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
  if (isUtf16(encoding)) {
    const byBom = utf16ByBom(bytes);
    return decoderFor(byBom ?? encoding).decode(byBom ? bytes.subarray(2) : bytes);
  }
  if (encoding === 'cp437' || encoding === 'cp850' || encoding === 'cp852' || encoding === 'windows-1252')
    return decodeByTable(bytes, UPPER_HALVES[encoding]);
  // ISO-8859-1's bytes 0x80–0x9F are C1 controls no text uses; files labelled so were written on
  // Windows, so they are read as Windows-1252, as browsers do.
  if (encoding === 'iso-8859-1') return decodeByTable(bytes, UPPER_HALVES['windows-1252']);
  return decoderFor(DECODER_LABELS[encoding] ?? encoding).decode(bytes);
}

/** A single-byte code page whose bytes 0x00–0x7F are ASCII and 0x80–0xFF the table's characters. */
function decodeByTable(bytes: Uint8Array, upperHalf: string): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) => (byte < 0x80 ? byte : upperHalf.charCodeAt(byte - 0x80))),
    );
  }
  return text;
}

/** Code page numbers (Windows, IBM, the ISO pages' 2859x) and the encoding each is. */
const CODE_PAGES: Record<number, TextEncodingName> = {
  936: 'gbk',
  54936: 'gbk',
  20936: 'gbk',
  950: 'big5',
  932: 'shift-jis',
  20932: 'euc-jp',
  51932: 'euc-jp',
  949: 'euc-kr',
  51949: 'euc-kr',
  20866: 'koi8-r',
  21866: 'koi8-u',
  874: 'windows-874',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  28591: 'iso-8859-1',
  28592: 'iso-8859-2',
  28593: 'iso-8859-3',
  28594: 'iso-8859-4',
  28595: 'iso-8859-5',
  28596: 'iso-8859-6',
  28597: 'iso-8859-7',
  28598: 'iso-8859-8',
  28599: 'iso-8859-9',
  28600: 'iso-8859-10',
  28603: 'iso-8859-13',
  28604: 'iso-8859-14',
  28605: 'iso-8859-15',
  866: 'ibm866',
  437: 'cp437',
  850: 'cp850',
  852: 'cp852',
  10000: 'macintosh',
  10007: 'x-mac-cyrillic',
  65001: 'utf8',
  1200: 'utf-16le',
  1201: 'utf-16be',
};

/** Names (lower case, without spaces, hyphens and underscores) and the encoding each is. */
const ENCODING_NAMES: Record<string, TextEncodingName> = {
  utf8: 'utf8',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gbk',
  euccn: 'gbk',
  xgbk: 'gbk',
  big5: 'big5',
  big5hkscs: 'big5',
  cnbig5: 'big5',
  xxbig5: 'big5',
  shiftjis: 'shift-jis',
  sjis: 'shift-jis',
  mskanji: 'shift-jis',
  windows31j: 'shift-jis',
  xsjis: 'shift-jis',
  eucjp: 'euc-jp',
  xeucjp: 'euc-jp',
  euckr: 'euc-kr',
  uhc: 'euc-kr',
  ksc5601: 'euc-kr',
  ksc56011987: 'euc-kr',
  korean: 'euc-kr',
  koi8r: 'koi8-r',
  koi8: 'koi8-r',
  koi8u: 'koi8-u',
  tis620: 'windows-874',
  iso885911: 'windows-874',
  latin1: 'iso-8859-1',
  l1: 'iso-8859-1',
  ascii: 'windows-1252',
  usascii: 'windows-1252',
  latin2: 'iso-8859-2',
  latin3: 'iso-8859-3',
  latin4: 'iso-8859-4',
  cyrillic: 'iso-8859-5',
  arabic: 'iso-8859-6',
  greek: 'iso-8859-7',
  hebrew: 'iso-8859-8',
  latin5: 'iso-8859-9',
  latin6: 'iso-8859-10',
  latin7: 'iso-8859-13',
  latin8: 'iso-8859-14',
  latin9: 'iso-8859-15',
  macintosh: 'macintosh',
  macroman: 'macintosh',
  xmacroman: 'macintosh',
  maccyrillic: 'x-mac-cyrillic',
  xmaccyrillic: 'x-mac-cyrillic',
  utf16: 'utf-16le',
  utf16le: 'utf-16le',
  ucs2: 'utf-16le',
  unicode: 'utf-16le',
  utf16be: 'utf-16be',
  unicodefffe: 'utf-16be',
};

/** Names that say "the writer's system code page", which the file does not tell. */
const SYSTEM_CODE_PAGE_NAMES = new Set(['ansi', 'oem', 'system', 'default', 'acp', 'oemcp']);

/**
 * The encoding a name stands for — a .cpg's text ("UTF-8", "BIG5", "950", "CP1251", "ISO-8859-2",
 * "ANSI 1252", "Shift_JIS"), or an `--encoding` value —; `'system'` for a name that only says "the
 * writer's system code page" (ANSI, OEM), which the file does not tell; null for a name that is no
 * code page this importer decodes.
 */
export function encodingFromName(text: string): TextEncodingName | 'system' | null {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (name === '') return null;
  if (SYSTEM_CODE_PAGE_NAMES.has(name)) return 'system';
  if (Object.hasOwn(ENCODING_NAMES, name)) return ENCODING_NAMES[name];
  const canonical = (candidate: string) =>
    (TEXT_ENCODINGS as readonly string[]).includes(candidate) ? (candidate as TextEncodingName) : null;
  if (canonical(text.trim().toLowerCase())) return canonical(text.trim().toLowerCase());
  const iso = /^(?:iso)?8859(\d{1,2})$/.exec(name);
  if (iso) return iso[1] === '11' ? 'windows-874' : canonical(`iso-8859-${iso[1]}`);
  const numbered = /^(?:ansi|cp|xcp|windows|win|ms|ibm|oem|codepage)?(\d{3,5})$/.exec(name);
  if (numbered) return CODE_PAGES[Number(numbered[1])] ?? null;
  return null;
}

/**
 * The encoding a Shapefile's .cpg names (see encodingFromName). Throws UnsupportedCodePageError for
 * a code page it cannot decode; null for an empty .cpg or one naming the writer's system code page.
 */
export function encodingFromCpg(text: string): TextEncodingName | null {
  const found = encodingFromName(text);
  if (found === 'system' || text.trim() === '') return null;
  if (found === null) throw new UnsupportedCodePageError(text.trim(), 'cpg');
  return found;
}

/**
 * The code page each dBASE language driver byte (header offset 29) names, as ESRI's and the dBASE
 * documentation list them (the table GDAL and shapelib read too). 0x57 is "the writer's current
 * ANSI code page", which the file does not tell, and 0 is unset: both say nothing.
 */
const LANGUAGE_DRIVER_CODE_PAGES: Record<number, number> = {
  0x01: 437,
  0x02: 850,
  0x03: 1252,
  0x04: 10000,
  0x08: 865,
  0x09: 437,
  0x0a: 850,
  0x0b: 437,
  0x0d: 437,
  0x0e: 850,
  0x0f: 437,
  0x10: 850,
  0x11: 437,
  0x12: 850,
  0x13: 932,
  0x14: 850,
  0x15: 437,
  0x16: 850,
  0x17: 865,
  0x18: 437,
  0x19: 437,
  0x1a: 850,
  0x1b: 437,
  0x1c: 863,
  0x1d: 850,
  0x1f: 852,
  0x22: 852,
  0x23: 852,
  0x24: 860,
  0x25: 850,
  0x26: 866,
  0x37: 850,
  0x40: 852,
  0x4d: 936,
  0x4e: 949,
  0x4f: 950,
  0x50: 874,
  0x58: 1252,
  0x59: 1252,
  0x64: 852,
  0x65: 866,
  0x66: 865,
  0x67: 861,
  0x68: 895,
  0x69: 620,
  0x6a: 737,
  0x6b: 857,
  0x6c: 863,
  0x78: 950,
  0x79: 949,
  0x7a: 936,
  0x7b: 932,
  0x7c: 874,
  0x86: 737,
  0x87: 852,
  0x88: 857,
  0x96: 10007,
  0x97: 10029,
  0x98: 10006,
  0xc8: 1250,
  0xc9: 1251,
  0xca: 1254,
  0xcb: 1253,
  0xcc: 1257,
};

/**
 * The encoding a dBASE header's language driver byte names; null when it says nothing (0, 0x57, or
 * a value no table lists). Throws UnsupportedCodePageError for a code page it cannot decode.
 */
export function encodingFromDbfLanguageDriver(languageDriver: number): TextEncodingName | null {
  const codePage = LANGUAGE_DRIVER_CODE_PAGES[languageDriver];
  if (codePage === undefined) return null;
  const encoding = CODE_PAGES[codePage];
  if (!encoding) throw new UnsupportedCodePageError(String(codePage), 'dbf-language-driver', languageDriver);
  return encoding;
}

/** Parses an `--encoding` value (any name encodingFromName reads); null for one it does not. */
export function parseEncodingName(value: string): TextEncodingName | null {
  const found = encodingFromName(value);
  return found === 'system' ? null : found;
}

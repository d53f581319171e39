/**
 * Text encodings of imported files: UTF-8, or GBK (as the GB 18030 superset) which Chinese desktop
 * GIS and spreadsheets still write. Decoding uses the WHATWG TextDecoder (Node's full ICU and every
 * browser decode "gb18030"), so core stays free of I/O and native code.
 */

export const TEXT_ENCODINGS = ['utf8', 'gbk'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Where the encoding used came from, for the preview and the report. */
export type EncodingSource = 'option' | 'bom' | 'cpg' | 'dbf-language-driver' | 'detected';

export interface ChosenEncoding {
  encoding: TextEncodingName;
  from: EncodingSource;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextDecoder('utf-8');
// GB 18030 decodes every GBK and GB 2312 byte sequence the same way and adds the rest of Unicode.
const gb18030 = new TextDecoder('gb18030');

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

/**
 * The encoding of a text file: the option when given, UTF-8 when it starts with a BOM or is valid
 * UTF-8 (pure ASCII included), GBK otherwise — GBK text is almost never valid UTF-8, because its
 * lead bytes 0x81–0xFE are followed by trail bytes UTF-8 does not allow there.
 */
export function chooseTextEncoding(bytes: Uint8Array, option?: TextEncodingName | null): ChosenEncoding {
  if (option) return { encoding: option, from: 'option' };
  if (hasUtf8Bom(bytes)) return { encoding: 'utf8', from: 'bom' };
  return { encoding: isValidUtf8(bytes) ? 'utf8' : 'gbk', from: 'detected' };
}

/** Decodes bytes (a UTF-8 BOM is dropped). Invalid sequences become U+FFFD rather than throwing. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'utf8') return utf8.decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
  return gb18030.decode(bytes);
}

/**
 * The encoding a Shapefile's .cpg names ("UTF-8", "GBK", "936", "CP936", "GB2312", "GB18030"), or
 * null for one this importer does not read (the caller then detects).
 */
export function encodingFromCpg(text: string): TextEncodingName | null {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (name === 'utf8' || name === '65001') return 'utf8';
  if (['gbk', '936', 'cp936', 'gb2312', 'gb18030', 'ansi936', 'windows936', '54936'].includes(name))
    return 'gbk';
  return null;
}

/**
 * The encoding a dBASE header's language driver byte (offset 29) names: 0x4D (936, PRC GBK) and
 * 0x7A (ESRI's "PRC GBK") mean GBK; other values (0 = unset) say nothing useful here.
 */
export function encodingFromDbfLanguageDriver(languageDriver: number): TextEncodingName | null {
  return languageDriver === 0x4d || languageDriver === 0x7a ? 'gbk' : null;
}

/** Parses an `--encoding` value: utf8 / utf-8 / gbk / gb2312 / gb18030 / cp936. */
export function parseEncodingName(value: string): TextEncodingName | null {
  return encodingFromCpg(value);
}

/**
 * A dBASE III/IV table reader (the .dbf of a Shapefile, or a .dbf on its own): field descriptors,
 * then fixed-width records. Text is decoded in the encoding chosen from the option, the .cpg, the
 * header's language driver or, failing those, by whether the text bytes are valid UTF-8. Values end
 * at their first NUL byte, as GDAL and pyshp read them: several writers pad with NULs, not blanks.
 */
import { BilingualError, type Bilingual } from './bilingual-error.js';
import {
  chooseTextEncoding,
  decodeText,
  encodingFromDbfLanguageDriver,
  isUtf16,
  isValidUtf8,
  type ChosenEncoding,
  type TextEncodingName,
} from './text-encoding.js';

export interface DbfField {
  name: string;
  /** dBASE type letter: C text, N/F number, L logical, D date (others read as text). */
  type: string;
  length: number;
  decimals: number;
}

export type DbfValue = string | number | boolean | null;

export interface DbfTable {
  fields: DbfField[];
  /** One entry per record in file order, deleted records included as null (so record numbers stay true). */
  records: (Record<string, DbfValue> | null)[];
  encoding: ChosenEncoding;
  languageDriver: number;
}

export class DbfError extends BilingualError {
  constructor(text: Bilingual) {
    super(text);
    this.name = 'DbfError';
  }
}

/**
 * Reads a .dbf. `encoding` (from the user) wins over `cpgEncoding` (from the .cpg, whose text is
 * `cpgNamed`), which wins over the language driver byte; otherwise the names and text fields decide
 * (valid UTF-8, else GBK). Throws DbfError for a table it cannot read, and UnsupportedCodePageError
 * when the language driver byte names a code page it cannot decode.
 */
export function readDbf(
  bytes: Uint8Array,
  options: {
    encoding?: TextEncodingName | null;
    cpgEncoding?: TextEncodingName | null;
    cpgNamed?: string | null;
  } = {},
): DbfTable {
  if (bytes.length < 32)
    throw new DbfError({
      en: 'the .dbf is shorter than its 32-byte header',
      zh: '.dbf 文件比 32 字节的文件头还短',
    });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const languageDriver = bytes[29];
  if (headerLength < 33 || headerLength > bytes.length)
    throw new DbfError({
      en: `the .dbf header length ${headerLength} is impossible`,
      zh: `.dbf 的文件头长度 ${headerLength} 不可能成立`,
    });

  const rawFields: RawField[] = [];
  let offset = 1; // byte 0 of a record is the deletion flag
  for (let position = 32; position + 32 <= headerLength && bytes[position] !== 0x0d; position += 32) {
    const nameBytes = bytes.subarray(position, position + 11);
    const type = String.fromCharCode(bytes[position + 11]);
    const length = bytes[position + 16];
    const decimals = bytes[position + 17];
    rawFields.push({ nameBytes, type, length, decimals, offset });
    offset += length;
  }
  if (rawFields.length === 0)
    throw new DbfError({ en: 'the .dbf declares no fields', zh: '.dbf 没有声明任何字段' });
  if (offset > recordLength)
    throw new DbfError({
      en: `the .dbf fields need ${offset} bytes but records have ${recordLength}`,
      zh: `.dbf 的字段共需 ${offset} 字节，而每条记录只有 ${recordLength} 字节`,
    });
  const available = Math.floor((bytes.length - headerLength) / recordLength);
  const count = Math.min(recordCount, Math.max(0, available));

  const encoding = chooseDbfEncoding(bytes, options, languageDriver, () =>
    textBytesAreUtf8(bytes, rawFields, headerLength, recordLength, count),
  );

  const fields: DbfField[] = [];
  const seen = new Map<string, number>();
  for (const raw of rawFields) {
    let name = fieldName(raw.nameBytes, encoding.encoding) || `FIELD${fields.length + 1}`;
    // Two fields of one name (possible after truncation to 10 bytes) stay apart.
    const times = seen.get(name) ?? 0;
    seen.set(name, times + 1);
    if (times > 0) name = `${name}_${times + 1}`;
    fields.push({ name, type: raw.type, length: raw.length, decimals: raw.decimals });
  }

  const records: (Record<string, DbfValue> | null)[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = headerLength + index * recordLength;
    if (bytes[start] === 0x2a) {
      records.push(null);
      continue;
    }
    const record: Record<string, DbfValue> = {};
    rawFields.forEach((raw, k) => {
      const cell = bytes.subarray(start + raw.offset, start + raw.offset + raw.length);
      record[fields[k].name] = readValue(cell, raw.type, encoding.encoding);
    });
    records.push(record);
  }
  return { fields, records, encoding, languageDriver };
}

/**
 * A field's name in the table's encoding. In a UTF-16 table only a name that starts with a
 * byte-order mark (as GDAL writes them) is UTF-16; the others are single-byte ASCII, as dBASE has them.
 */
function fieldName(nameBytes: Uint8Array, encoding: TextEncodingName): string {
  const marked =
    (nameBytes[0] === 0xff && nameBytes[1] === 0xfe) || (nameBytes[0] === 0xfe && nameBytes[1] === 0xff);
  const nameEncoding = isUtf16(encoding) && !marked ? 'utf8' : encoding;
  return decodeText(untilNul(nameBytes, nameEncoding), nameEncoding).trim();
}

interface RawField {
  /** The 11 bytes of the name, NUL-padded. */
  nameBytes: Uint8Array;
  type: string;
  length: number;
  decimals: number;
  offset: number;
}

/** The option, else the .cpg, else the language driver byte, else what the text bytes are. */
function chooseDbfEncoding(
  bytes: Uint8Array,
  options: {
    encoding?: TextEncodingName | null;
    cpgEncoding?: TextEncodingName | null;
    cpgNamed?: string | null;
  },
  languageDriver: number,
  textIsUtf8: () => boolean,
): ChosenEncoding {
  if (options.encoding) return chooseTextEncoding(bytes, options.encoding);
  if (options.cpgEncoding)
    return {
      encoding: options.cpgEncoding,
      from: 'cpg',
      ...(options.cpgNamed ? { named: options.cpgNamed } : {}),
    };
  const byDriver = encodingFromDbfLanguageDriver(languageDriver);
  if (byDriver)
    return {
      encoding: byDriver,
      from: 'dbf-language-driver',
      named: `0x${languageDriver.toString(16).toUpperCase().padStart(2, '0')}`,
    };
  return { encoding: textIsUtf8() ? 'utf8' : 'gbk', from: 'detected' };
}

/**
 * The bytes of a cell or name before its first NUL: writers pad with NULs (and some leave garbage
 * after the NUL that ends the value). In UTF-16 a character's byte may be 0, so there the text ends
 * at the first NUL character (two NUL bytes on a character boundary).
 */
function untilNul(cell: Uint8Array, encoding: TextEncodingName): Uint8Array {
  if (!isUtf16(encoding)) {
    const end = cell.indexOf(0);
    return end === -1 ? cell : cell.subarray(0, end);
  }
  for (let k = 0; k + 1 < cell.length; k += 2)
    if (cell[k] === 0 && cell[k + 1] === 0) return cell.subarray(0, k);
  return cell;
}

/** A cell's ASCII text before its first NUL, without surrounding blanks (numbers, dates, logicals). */
function asciiOf(cell: Uint8Array): string {
  const end = cell.indexOf(0);
  return String.fromCharCode(...(end === -1 ? cell : cell.subarray(0, end))).trim();
}

function readValue(cell: Uint8Array, type: string, encoding: TextEncodingName): DbfValue {
  switch (type) {
    case 'N':
    case 'F': {
      // Numbers are ASCII in every encoding; several writers pad them with NULs, not blanks.
      const text = asciiOf(cell);
      if (text === '' || /^\*+$/.test(text) || /^\.+$/.test(text)) return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'L': {
      const text = asciiOf(cell).toUpperCase();
      if ('YT'.includes(text) && text !== '') return true;
      if ('NF'.includes(text) && text !== '') return false;
      return null;
    }
    case 'D': {
      const text = asciiOf(cell);
      return /^\d{8}$/.test(text)
        ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
        : text === ''
          ? null
          : text;
    }
    default: {
      // Text fields are padded with blanks (or NULs in some writers); UTF-16 ones with single blanks too.
      const text = decodeText(trimPadding(untilNul(cell, encoding), encoding), encoding).trim();
      return text === '' ? null : text;
    }
  }
}

/** Trailing blank and NUL bytes dropped; in UTF-16 a character cut in half by that is restored. */
function trimPadding(cell: Uint8Array, encoding: TextEncodingName): Uint8Array {
  let end = cell.length;
  while (end > 0 && (cell[end - 1] === 0x20 || cell[end - 1] === 0)) end -= 1;
  if (isUtf16(encoding) && end % 2 === 1 && end < cell.length) end += 1;
  return cell.subarray(0, end);
}

/** Whether the field names and every text cell together are valid UTF-8. */
function textBytesAreUtf8(
  bytes: Uint8Array,
  fields: RawField[],
  headerLength: number,
  recordLength: number,
  count: number,
): boolean {
  for (const field of fields) if (!isValidUtf8(untilNul(field.nameBytes, 'utf8'))) return false;
  for (let index = 0; index < count; index += 1) {
    const start = headerLength + index * recordLength;
    for (const field of fields) {
      if (field.type !== 'C') continue;
      const cell = bytes.subarray(start + field.offset, start + field.offset + field.length);
      // A UTF-8 character cut by the field width is still UTF-8 text: trim a partial tail.
      if (!isValidUtf8(trimPartialUtf8(trimPadding(untilNul(cell, 'utf8'), 'utf8')))) return false;
    }
  }
  return true;
}
/** Drops a trailing incomplete UTF-8 sequence (writers truncate to the byte width of the field). */
function trimPartialUtf8(cell: Uint8Array): Uint8Array {
  let start = cell.length - 1;
  let continuation = 0;
  while (start >= 0 && (cell[start] & 0xc0) === 0x80 && continuation < 3) {
    start -= 1;
    continuation += 1;
  }
  if (start < 0) return cell;
  const lead = cell[start];
  const needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return needed > continuation ? cell.subarray(0, start) : cell;
}

/**
 * A dBASE III/IV table reader (the .dbf of a Shapefile, or a .dbf on its own): field descriptors,
 * then fixed-width records. Text is decoded in the encoding chosen from the option, the .cpg, the
 * header's language driver or, failing those, by whether the text bytes are valid UTF-8.
 */
import { BilingualError, type Bilingual } from './bilingual-error.js';
import {
  chooseTextEncoding,
  decodeText,
  encodingFromDbfLanguageDriver,
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
 * Reads a .dbf. `encoding` (from the user) wins over `cpgEncoding` (from the .cpg), which wins over
 * the language driver byte; otherwise the names and text fields decide (valid UTF-8, else GBK).
 */
export function readDbf(
  bytes: Uint8Array,
  options: { encoding?: TextEncodingName | null; cpgEncoding?: TextEncodingName | null } = {},
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

  const rawFields: {
    nameBytes: Uint8Array;
    type: string;
    length: number;
    decimals: number;
    offset: number;
  }[] = [];
  let offset = 1; // byte 0 of a record is the deletion flag
  for (let position = 32; position + 32 <= headerLength && bytes[position] !== 0x0d; position += 32) {
    const nameEnd = bytes.subarray(position, position + 11).indexOf(0);
    const nameBytes = bytes.subarray(position, position + (nameEnd === -1 ? 11 : nameEnd));
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

  const encoding = options.encoding
    ? chooseTextEncoding(bytes, options.encoding)
    : options.cpgEncoding
      ? { encoding: options.cpgEncoding, from: 'cpg' as const }
      : encodingFromDbfLanguageDriver(languageDriver)
        ? { encoding: encodingFromDbfLanguageDriver(languageDriver)!, from: 'dbf-language-driver' as const }
        : {
            encoding: textBytesAreUtf8(bytes, rawFields, headerLength, recordLength, count)
              ? ('utf8' as const)
              : ('gbk' as const),
            from: 'detected' as const,
          };

  const fields: DbfField[] = [];
  const seen = new Map<string, number>();
  for (const raw of rawFields) {
    let name = decodeText(raw.nameBytes, encoding.encoding).trim() || `FIELD${fields.length + 1}`;
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

function readValue(cell: Uint8Array, type: string, encoding: TextEncodingName): DbfValue {
  const ascii = () => String.fromCharCode(...cell).trim();
  switch (type) {
    case 'N':
    case 'F': {
      const text = ascii();
      if (text === '' || /^\*+$/.test(text) || /^\.+$/.test(text)) return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'L': {
      const text = ascii().toUpperCase();
      if ('YT'.includes(text) && text !== '') return true;
      if ('NF'.includes(text) && text !== '') return false;
      return null;
    }
    case 'D': {
      const text = ascii();
      return /^\d{8}$/.test(text)
        ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`
        : text === ''
          ? null
          : text;
    }
    default: {
      // Text fields are padded with spaces (or NULs in some writers).
      let end = cell.length;
      while (end > 0 && (cell[end - 1] === 0x20 || cell[end - 1] === 0)) end -= 1;
      const text = decodeText(cell.subarray(0, end), encoding).trim();
      return text === '' ? null : text;
    }
  }
}

/** Whether the field names and every text cell together are valid UTF-8. */
function textBytesAreUtf8(
  bytes: Uint8Array,
  fields: { nameBytes: Uint8Array; type: string; length: number; offset: number }[],
  headerLength: number,
  recordLength: number,
  count: number,
): boolean {
  for (const field of fields) if (!isValidUtf8(field.nameBytes)) return false;
  for (let index = 0; index < count; index += 1) {
    const start = headerLength + index * recordLength;
    for (const field of fields) {
      if (field.type !== 'C') continue;
      let end = field.length;
      const cell = bytes.subarray(start + field.offset, start + field.offset + field.length);
      while (end > 0 && (cell[end - 1] === 0x20 || cell[end - 1] === 0)) end -= 1;
      // A UTF-8 character cut by the field width is still UTF-8 text: trim a partial tail.
      if (!isValidUtf8(trimPartialUtf8(cell.subarray(0, end)))) return false;
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

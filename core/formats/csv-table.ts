/**
 * A CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF),
 * with the delimiter sniffed from the header line (comma, tab, semicolon or the Chinese full-width
 * comma that spreadsheets sometimes export). Each row keeps its line number in the file so problems
 * point at what a spreadsheet shows.
 */
import { BilingualError, type Bilingual } from './bilingual-error.js';

export interface CsvRow {
  /** 1-based line of the file the row starts on (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: string;
}

export class CsvError extends BilingualError {
  constructor(text: Bilingual) {
    super(text);
    this.name = 'CsvError';
  }
}

/** A file with more rows than the caller takes: found while reading, before the rows pile up. */
export class CsvTooManyRowsError extends CsvError {
  constructor(readonly maxRows: number) {
    super({
      en: `the file holds more than ${maxRows} rows`,
      zh: `文件超过 ${maxRows} 行`,
    });
    this.name = 'CsvTooManyRowsError';
  }
}

const DELIMITERS = [',', '\t', ';', '，'];

/** The delimiter occurring most often outside quotes in the first line. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const character of firstLine) {
      if (character === '"') quoted = !quoted;
      else if (!quoted && character === delimiter) count += 1;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV text (BOM already removed). Blank lines are skipped; a row with fewer cells than the
 * header is padded with empty cells, one with more keeps them (the caller reports it). Throws
 * CsvError for a quote left open at the end of the file, and CsvTooManyRowsError as soon as a row
 * past `maxRows` (the header not counted) is read.
 */
export function parseCsv(text: string, delimiter = sniffDelimiter(text), maxRows = Infinity): CsvTable {
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let cellStarted = false;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '' && !cellStarted)) {
      // The header is records[0], so a record past maxRows + 1 is one row too many.
      if (records.length > maxRows) throw new CsvTooManyRowsError(maxRows);
      records.push({ line: rowLine, cells });
    }
    cells = [];
    cell = '';
    cellStarted = false;
  };
  for (let k = 0; k < text.length; k += 1) {
    const character = text[k];
    if (quoted) {
      if (character === '"') {
        if (text[k + 1] === '"') {
          cell += '"';
          k += 1;
        } else {
          quoted = false;
        }
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
      continue;
    }
    if (character === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      cellStarted = true;
    } else if (character === delimiter) {
      cells.push(cell);
      cell = '';
      cellStarted = true;
    } else if (character === '\r' && text[k + 1] === '\n') {
      continue;
    } else if (character === '\n' || character === '\r') {
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += character;
    }
  }
  if (quoted)
    throw new CsvError({
      en: `a quoted field opened on line ${rowLine} is never closed`,
      zh: `第 ${rowLine} 行开始的带引号字段没有闭合`,
    });
  if (cell !== '' || cells.length > 0) endRow();
  if (records.length === 0)
    throw new CsvError({ en: 'the file is empty (no header line)', zh: '文件为空（没有表头行）' });
  const [headerRow, ...rows] = records;
  const header = headerRow.cells.map((name) => name.trim());
  return { header, rows, delimiter };
}

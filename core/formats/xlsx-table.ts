/**
 * An Excel workbook (.xlsx, Office Open XML SpreadsheetML, ECMA-376 Part 1 §18) read as one table,
 * the way a planning bureau keeps its facility lists and population by estate: one sheet, a header
 * row, a record per row. Only the few parts a table needs are read — the workbook's sheet list and
 * relationships, the shared strings and one worksheet — with the one XML scanner (xml-scanner.ts;
 * no DTDs, namespaces by local name). Pure: the caller hands over the bytes.
 *
 * Values come out as the text a person sees in the cell, so the importer reads them like a CSV's:
 * numbers as their shortest text at Excel's 15 significant digits ("1630", "0.35"), formulas as their
 * saved result, TRUE/FALSE for logical cells, and Excel errors (#N/A, #DIV/0!…) as the error's text
 * — the same a CSV saved from Excel would hold — so a number, coordinate or category field refuses
 * them by row and field, and a note names each one. Dates are not converted (they come out as Excel
 * serial day numbers): none of the layers has a date field.
 */
import { BilingualError, type Bilingual } from './bilingual-error.js';
import { ArchiveTooLargeError, unzipBounded } from './bounded-unzip.js';
import { scanXml, XmlSyntaxError, type XmlHandler } from './xml-scanner.js';

export interface XlsxRow {
  /** The row's number in the sheet, as Excel shows it (1-based). */
  row: number;
  /** One text per column of the header, null where the cell is empty or missing. */
  cells: (string | null)[];
}

export interface XlsxTable {
  /** The sheet that was read, its 1-based position among the workbook's sheets, and all their names. */
  sheetName: string;
  sheetPosition: number;
  sheetNames: string[];
  /** The header's row number in the sheet. */
  headerRow: number;
  /** The header's names, trimmed; empty header cells inside the table are named "column F" by their letters. */
  header: string[];
  /** The non-empty rows after the header, in sheet order. */
  rows: XlsxRow[];
  /** What a person should know about how the workbook was read (the sheet chosen, error cells…), in both languages. */
  notes: Bilingual[];
}

export class XlsxError extends BilingualError {
  constructor(text: Bilingual) {
    super(text);
    this.name = 'XlsxError';
  }
}

/**
 * Whether the bytes are an OLE compound file: an Excel 97–2003 .xls, or an .xlsx that is
 * password-protected (Office encrypts the whole package into a compound file).
 */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && signature.every((byte, k) => bytes[k] === byte);
}

/** Whether the bytes begin like a zip archive (local file header "PK\3\4"). */
export function isZipArchive(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/**
 * Reads the workbook's table: the first sheet, or when it has no filled cell the first sheet that
 * has (visible sheets before hidden ones). The header is the first non-empty row — after a title
 * row, i.e. a lone cell merged across several columns above the table, which is skipped with a
 * note. Throws XlsxError when the bytes are not a readable workbook or no sheet has any cell.
 */
export function readXlsx(bytes: Uint8Array): XlsxTable {
  if (isCompoundFile(bytes))
    throw new XlsxError({
      en: 'this is an Excel 97–2003 workbook (.xls) or a password-protected one, which cannot be read: open it in Excel or WPS and save it as an Excel workbook (.xlsx) without a password, or as CSV',
      zh: '这是 Excel 97–2003 工作簿（.xls）或设置了密码的工作簿，无法读取：请在 Excel 或 WPS 中打开，另存为不带密码的 Excel 工作簿（.xlsx）或 CSV',
    });
  let entries: Record<string, Uint8Array>;
  try {
    // Only the XML parts: images and other media of the workbook are never inflated.
    entries = unzipBounded(bytes, (file) => /\.(xml|rels)$/i.test(file.name));
  } catch (error) {
    if (error instanceof ArchiveTooLargeError) throw error;
    throw new XlsxError({
      en: `not a readable Excel workbook (.xlsx): the file is damaged or not a workbook (${(error as Error).message})`,
      zh: `不是可读的 Excel 工作簿（.xlsx）：文件已损坏或不是工作簿（${(error as Error).message}）`,
    });
  }
  return readXlsxParts(entries);
}

/** Reads the table from a workbook's unzipped parts (part name → bytes), as `readXlsx`. */
function readXlsxParts(entries: Record<string, Uint8Array>): XlsxTable {
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) parts.set(name.replace(/^\//, '').toLowerCase(), data);
  const part = (name: string) => parts.get(name.toLowerCase()) ?? null;

  const workbookPath = officeDocumentPath(part('_rels/.rels')) ?? 'xl/workbook.xml';
  const workbookXml = part(workbookPath);
  if (!workbookXml)
    throw new XlsxError({
      en: `not an Excel workbook: the zip has no ${workbookPath} (an .xlsx holds its sheets under xl/)`,
      zh: `不是 Excel 工作簿：压缩包中没有 ${workbookPath}（.xlsx 的工作表位于 xl/ 之下）`,
    });
  const relationships = readRelationships(part(relationshipsPathOf(workbookPath)), workbookPath);
  const sheets = readSheetList(workbookXml, workbookPath);
  if (sheets.length === 0)
    throw new XlsxError({ en: 'the workbook lists no sheets', zh: '工作簿中没有工作表' });
  const sharedStringsTarget = [...relationships.values()].find((relationship) =>
    /\/sharedStrings$/.test(relationship.type),
  )?.target;
  const sharedStringsXml = part(sharedStringsTarget ?? 'xl/sharedStrings.xml');
  const sharedStrings = sharedStringsXml ? readSharedStrings(sharedStringsXml) : [];

  // Visible sheets first, each in workbook order; chart sheets and the like hold no cells.
  const order = [...sheets.filter((sheet) => sheet.visible), ...sheets.filter((sheet) => !sheet.visible)];
  const skipped: string[] = [];
  for (const sheet of order) {
    // Without the workbook's relationships, the sheets are taken to be where Excel puts them.
    const relationship =
      relationships.size === 0
        ? { type: '/worksheet', target: resolveTarget(workbookPath, `worksheets/sheet${sheet.position}.xml`) }
        : relationships.get(sheet.relationshipId);
    if (!relationship || !/\/worksheet$/.test(relationship.type)) {
      skipped.push(sheet.name);
      continue;
    }
    const xml = part(relationship.target);
    if (!xml)
      throw new XlsxError({
        en: `sheet “${sheet.name}” is missing from the workbook (no ${relationship.target})`,
        zh: `工作簿中缺少工作表“${sheet.name}”（没有 ${relationship.target}）`,
      });
    const cells = readWorksheet(xml, sheet.name, sharedStrings);
    if (cells.rows.length === 0) {
      skipped.push(sheet.name);
      continue;
    }
    return tableOf(sheet, sheets, skipped, cells);
  }
  throw new XlsxError({
    en: `no sheet of the workbook has any filled cell (sheets: ${sheets.map((sheet) => `“${sheet.name}”`).join(', ')})`,
    zh: `工作簿的工作表中没有任何填写了内容的单元格（工作表：${sheets.map((sheet) => `“${sheet.name}”`).join('、')}）`,
  });
}

// --- the table ------------------------------------------------------------------------------------

interface SheetEntry {
  name: string;
  relationshipId: string;
  visible: boolean;
  /** 1-based position in the workbook's sheet list. */
  position: number;
}

interface SheetCell {
  column: number;
  text: string;
  /** The Excel error the cell holds (#N/A, #DIV/0!…), else null. */
  excelError: string | null;
  /** A formula whose result was never saved (the workbook was written by a program that does not calculate). */
  unsaved: boolean;
}

interface SheetCells {
  rows: { row: number; cells: SheetCell[] }[];
  /** The last column of each merged range, by its top-left cell as "row:column". */
  merges: Map<string, number>;
}

const NOTE_LIMIT = 20;

function tableOf(sheet: SheetEntry, sheets: SheetEntry[], skipped: string[], cells: SheetCells): XlsxTable {
  const notes: Bilingual[] = [];
  if (sheets.length > 1) {
    const others = sheets.filter((other) => other !== sheet).map((other) => `“${other.name}”`);
    const skippedNames = skipped.map((name) => `“${name}”`);
    const why =
      skipped.length > 0
        ? `; ${skippedNames.join(', ')} ${skipped.length === 1 ? 'has' : 'have'} no cells`
        : '';
    const whyZh = skipped.length > 0 ? `；${skippedNames.join('、')}没有内容` : '';
    notes.push({
      en: `read sheet “${sheet.name}” (${sheet.position} of ${sheets.length})${why}; the other sheets (${others.join(', ')}) are not imported`,
      zh: `读取工作表“${sheet.name}”（第 ${sheet.position} 个，共 ${sheets.length} 个）${whyZh}；其他工作表（${others.join('、')}）不导入`,
    });
  }
  if (!sheet.visible)
    notes.push({
      en: `sheet “${sheet.name}” is hidden in the workbook`,
      zh: `工作表“${sheet.name}”在工作簿中是隐藏的`,
    });

  let headerAt = 0;
  const first = cells.rows[0];
  const mergedTo =
    first.cells.length === 1 ? cells.merges.get(`${first.row}:${first.cells[0].column}`) : undefined;
  // A lone cell merged across the table above it is the sheet's title ("XX街道公共服务设施一览表").
  if (mergedTo !== undefined && mergedTo > first.cells[0].column && cells.rows.length > 1) {
    const title = first.cells[0].text.trim();
    notes.push({
      en: `row ${first.row} (“${title}”) is read as the sheet's title; the header is row ${cells.rows[1].row}`,
      zh: `第 ${first.row} 行（“${title}”）作为工作表的标题跳过；表头是第 ${cells.rows[1].row} 行`,
    });
    headerAt = 1;
  }
  const headerRow = cells.rows[headerAt];
  const firstColumn = Math.min(...headerRow.cells.map((cell) => cell.column));
  const lastColumn = Math.max(...headerRow.cells.map((cell) => cell.column));
  const header: string[] = [];
  for (let column = firstColumn; column <= lastColumn; column += 1) {
    const text = headerRow.cells.find((cell) => cell.column === column)?.text.trim() ?? '';
    header.push(text === '' ? `column ${columnLetters(column)}` : text);
  }

  const overflow: string[] = [];
  const errors: Bilingual[] = [];
  const rows: XlsxRow[] = cells.rows.slice(headerAt + 1).map(({ row, cells: rowCells }) => {
    const values: (string | null)[] = header.map(() => null);
    for (const cell of rowCells) {
      const reference = `${columnLetters(cell.column)}${row}`;
      if (cell.column < firstColumn || cell.column > lastColumn) {
        overflow.push(reference);
        continue;
      }
      const column = header[cell.column - firstColumn];
      if (cell.unsaved)
        errors.push({
          en: `row ${row}, column ${column} (${reference}): a formula without a saved result, read as empty (open and save the workbook in Excel or WPS to calculate it)`,
          zh: `第 ${row} 行，列“${column}”（单元格 ${reference}）：公式没有保存计算结果，按空值读取（请在 Excel 或 WPS 中打开并保存工作簿，让公式算出结果）`,
        });
      else if (cell.excelError !== null)
        errors.push({
          en: `row ${row}, column ${column} (${reference}): the cell holds the Excel error ${cell.excelError}`,
          zh: `第 ${row} 行，列“${column}”（单元格 ${reference}）：单元格中是 Excel 错误值 ${cell.excelError}`,
        });
      values[cell.column - firstColumn] = cell.text === '' ? null : cell.text;
    }
    return { row, cells: values };
  });
  notes.push(...limited(errors));
  if (overflow.length > 0) {
    const columns = `${columnLetters(firstColumn)}–${columnLetters(lastColumn)}`;
    notes.push({
      en: `${overflow.length} filled ${overflow.length === 1 ? 'cell lies' : 'cells lie'} outside the header's columns ${columns} and ${overflow.length === 1 ? 'is' : 'are'} ignored (${overflow.slice(0, 10).join(', ')}${overflow.length > 10 ? ', …' : ''})`,
      zh: `有 ${overflow.length} 个填写了内容的单元格在表头所占的 ${columns} 列之外，已忽略（${overflow.slice(0, 10).join('、')}${overflow.length > 10 ? '……' : ''}）`,
    });
  }
  return {
    sheetName: sheet.name,
    sheetPosition: sheet.position,
    sheetNames: sheets.map((entry) => entry.name),
    headerRow: headerRow.row,
    header,
    rows,
    notes,
  };
}

function limited(notes: Bilingual[]): Bilingual[] {
  if (notes.length <= NOTE_LIMIT) return notes;
  const more = notes.length - NOTE_LIMIT;
  return [
    ...notes.slice(0, NOTE_LIMIT),
    { en: `… and ${more} more such cells`, zh: `……另有 ${more} 个这样的单元格` },
  ];
}

// --- workbook parts -------------------------------------------------------------------------------

interface Relationship {
  type: string;
  /** The target's part name, resolved against the source part's folder (no leading slash). */
  target: string;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" (OPC part relationships). */
function relationshipsPathOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part: relative to its folder, or absolute from the package root. */
function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith('/')
    ? target.slice(1)
    : `${sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1)}${target}`;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function officeDocumentPath(rootRelationships: Uint8Array | null): string | null {
  if (!rootRelationships) return null;
  const relationships = readRelationships(rootRelationships, '');
  for (const relationship of relationships.values())
    if (/\/officeDocument$/.test(relationship.type)) return relationship.target;
  return null;
}

function readRelationships(xml: Uint8Array | null, sourcePart: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  if (!xml) return relationships;
  scanPart(xmlText(xml), relationshipsPathOf(sourcePart || '/'), {
    open({ localName, attributes }) {
      if (localName !== 'Relationship') return;
      const id = attributes.get('Id');
      const target = attributes.get('Target');
      // External targets (hyperlinks) are no parts of the package.
      if (id === undefined || target === undefined || attributes.get('TargetMode') === 'External') return;
      relationships.set(id, {
        type: attributes.get('Type') ?? '',
        target: resolveTarget(sourcePart, target),
      });
    },
  });
  return relationships;
}

function readSheetList(xml: Uint8Array, partName: string): SheetEntry[] {
  const sheets: SheetEntry[] = [];
  scanPart(xmlText(xml), partName, {
    open({ localName, attributes }) {
      if (localName !== 'sheet') return;
      // r:id, whatever prefix the relationships namespace was given.
      let relationshipId = '';
      for (const [key, value] of attributes) if (/^[^:]+:id$/.test(key)) relationshipId = value;
      const state = attributes.get('state');
      sheets.push({
        name: attributes.get('name') ?? `Sheet${sheets.length + 1}`,
        relationshipId,
        visible: state !== 'hidden' && state !== 'veryHidden',
        position: sheets.length + 1,
      });
    },
  });
  return sheets;
}

/** Each <si>: its <t>, or the <t> of its rich-text runs <r> joined; phonetic guides (<rPh>) left out. */
function readSharedStrings(xml: Uint8Array): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let phonetic = 0;
  let inText = false;
  scanPart(xmlText(xml), 'xl/sharedStrings.xml', {
    open({ localName: name, selfClosing }) {
      if (name === 'si') {
        current = [];
        if (selfClosing) {
          strings.push('');
          current = null;
        }
      } else if (name === 'rPh' && !selfClosing) phonetic += 1;
      else if (name === 't' && current && phonetic === 0 && !selfClosing) inText = true;
    },
    close({ localName: name }) {
      if (name === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = null;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  });
  return strings;
}

/** The filled cells of a worksheet, row by row (rows without a filled cell left out), and its merged ranges. */
function readWorksheet(xml: Uint8Array, sheetName: string, sharedStrings: string[]): SheetCells {
  const rows: SheetCells['rows'] = [];
  const merges = new Map<string, number>();
  let rowNumber = 0;
  let rowCells: SheetCell[] | null = null;
  let nextColumn = 1;
  let cell: {
    column: number;
    type: string;
    reference: string;
    value: string[] | null;
    inline: string[] | null;
    formula: boolean;
  } | null = null;
  let capture: string[] | null = null;
  let phonetic = 0;
  const partName = { en: `sheet “${sheetName}”`, zh: `工作表“${sheetName}”` };

  const finishCell = () => {
    if (!cell || !rowCells) return;
    const value = cell.value === null ? null : cell.value.join('');
    const inline = cell.inline === null ? null : unescapeOoxml(cell.inline.join(''));
    let text: string | null = null;
    let excelError: string | null = null;
    switch (cell.type) {
      case 's': {
        if (value === null) break;
        const index = Number(value.trim());
        if (!Number.isInteger(index) || index < 0 || index >= sharedStrings.length)
          throw new XlsxError({
            en: `${partName.en}, cell ${cell.reference}: refers to shared string ${value.trim()}, but the workbook has ${sharedStrings.length}`,
            zh: `工作表“${sheetName}”的单元格 ${cell.reference}：引用了编号为 ${value.trim()} 的共享字符串，但工作簿只有 ${sharedStrings.length} 个（编号从 0 起）`,
          });
        text = sharedStrings[index];
        break;
      }
      case 'inlineStr':
        text = inline ?? (value === null ? null : unescapeOoxml(value));
        break;
      case 'str':
        text = value === null ? null : unescapeOoxml(value);
        break;
      case 'b':
        text =
          value === null
            ? null
            : value.trim() === '1' || value.trim().toLowerCase() === 'true'
              ? 'TRUE'
              : 'FALSE';
        break;
      case 'e':
        text = value === null ? null : value.trim();
        excelError = text;
        break;
      case 'd':
        text = value === null ? null : value.trim();
        break;
      default:
        text = value === null ? null : numberText(value);
    }
    const unsaved = text === null && cell.formula;
    // A cell holding only spaces is as empty as one holding nothing: it neither starts the header nor makes a record.
    if (unsaved || (text !== null && text.trim() !== ''))
      rowCells.push({ column: cell.column, text: text ?? '', excelError, unsaved });
    nextColumn = cell.column + 1;
    cell = null;
  };

  scanPart(xmlText(xml), partName, {
    open({ localName: name, attributes, selfClosing }) {
      if (name === 'row') {
        const r = attributes.get('r');
        rowNumber = r === undefined ? rowNumber + 1 : Number(r);
        if (!Number.isInteger(rowNumber) || rowNumber < 1)
          throw new XlsxError({
            en: `${partName.en}: row number "${r}" is not a positive whole number`,
            zh: `工作表“${sheetName}”：行号“${r}”不是正整数`,
          });
        rowCells = [];
        nextColumn = 1;
        if (selfClosing) rowCells = null;
      } else if (name === 'c' && rowCells) {
        const reference = attributes.get('r');
        const column = reference === undefined ? nextColumn : columnOfReference(reference, sheetName);
        cell = {
          column,
          type: attributes.get('t') ?? 'n',
          reference: reference ?? `${columnLetters(column)}${rowNumber}`,
          value: null,
          inline: null,
          formula: false,
        };
        if (selfClosing) finishCell();
      } else if (cell) {
        if (name === 'v' && !selfClosing) capture = cell.value = [];
        else if (name === 'f') cell.formula = true;
        else if (name === 'is') cell.inline = [];
        else if (name === 'rPh' && !selfClosing) phonetic += 1;
        else if (name === 't' && cell.inline && phonetic === 0 && !selfClosing) capture = cell.inline;
      } else if (name === 'mergeCell') {
        const range = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(attributes.get('ref') ?? '');
        if (range) merges.set(`${Number(range[2])}:${columnIndex(range[1])}`, columnIndex(range[3]));
      }
    },
    close({ localName: name }) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'c') finishCell();
      else if (name === 'row' && rowCells) {
        if (rowCells.length > 0) rows.push({ row: rowNumber, cells: rowCells });
        rowCells = null;
      }
    },
    text(text) {
      if (capture) capture.push(text);
    },
  });
  return { rows, merges };
}

// --- cell values ----------------------------------------------------------------------------------

/**
 * A number cell's stored text as Excel shows it: at most 15 significant digits (Excel's precision),
 * so "0.35000000000000003" reads "0.35" and "1630" stays "1630". Text that is no number is kept.
 */
export function numberText(stored: string): string {
  const text = stored.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return text;
  return String(Number(value.toPrecision(15)));
}

/** "A" → 1, "Z" → 26, "AA" → 27, "XFD" → 16384. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index;
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function columnOfReference(reference: string, sheetName: string): number {
  const match = /^\$?([A-Z]{1,3})\$?\d*$/i.exec(reference.trim());
  const column = match ? columnIndex(match[1]) : 0;
  if (column < 1 || column > 16384)
    throw new XlsxError({
      en: `sheet “${sheetName}”: cell reference "${reference}" is not a cell (A1 … XFD1048576)`,
      zh: `工作表“${sheetName}”：单元格引用“${reference}”不是有效的单元格（A1 … XFD1048576）`,
    });
  return column;
}

/** OOXML's escapes for characters XML cannot carry (ST_Xstring): "_x000D_" → "\r", "_x005F_" → "_". */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

// --- XML parts -----------------------------------------------------------------------------------

/** A part's text: UTF-8 unless a byte-order mark says UTF-16 (the two encodings XML parts may use). */
function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Walks a part with the XML scanner; a part that is not well formed means a damaged workbook. */
function scanPart(xml: string, part: string | Bilingual, handler: XmlHandler): void {
  const partName = typeof part === 'string' ? { en: part, zh: part } : part;
  try {
    scanXml(xml, handler);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new XlsxError({
      en: `the workbook is damaged: ${partName.en} is not well-formed XML (${error.reason.en}, line ${error.line})`,
      zh: `工作簿已损坏：${partName.zh} 不是格式正确的 XML（${error.reason.zh}，第 ${error.line} 行）`,
    });
  }
}

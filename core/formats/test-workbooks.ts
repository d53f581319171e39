/** Excel workbooks written by hand for tests, the way Excel lays them out. */
import { zipSync } from 'fflate';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface SheetSpec {
  name: string;
  /** The <sheetData> content (rows), and anything after it (e.g. <mergeCells>). */
  rows: string;
  after?: string;
  state?: 'hidden';
  /** The worksheet's part name under xl/ (default worksheets/sheetN.xml by position). */
  file?: string;
}

/** A workbook written by hand the way Excel lays it out (workbook, its relationships, shared strings, sheets). */
export function workbook(sheets: SheetSpec[], sharedStrings: string[] | null = null): Uint8Array {
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string) => {
    files[name] = encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${xml}`);
  };
  put(
    '_rels/.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetFiles = sheets.map((sheet, k) => sheet.file ?? `worksheets/sheet${k + 1}.xml`);
  put(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheets
      .map(
        (sheet, k) =>
          `<sheet name="${sheet.name}" sheetId="${k + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${k + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, k) =>
          `<Relationship Id="rId${k + 1}" Type="${RELATIONSHIPS}/worksheet" Target="${sheetFiles[k]}"/>`,
      )
      .join('')}${
      sharedStrings
        ? `<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>`
        : ''
    }</Relationships>`,
  );
  if (sharedStrings)
    put(
      'xl/sharedStrings.xml',
      `<sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.join('')}</sst>`,
    );
  sheets.forEach((sheet, k) =>
    put(
      `xl/${sheetFiles[k]}`,
      `<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetData>${sheet.rows}</sheetData>${sheet.after ?? ''}</worksheet>`,
    ),
  );
  return zipSync(files);
}

export const si = (text: string) => `<si><t>${text}</t></si>`;

import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { si, workbook } from './test-workbooks.js';
import { columnIndex, columnLetters, numberText, readXlsx, XlsxError } from './xlsx-table.js';

describe('readXlsx', () => {
  it('reads shared strings (plain and rich-text runs, phonetic guides left out), inline strings, entities and kept spaces', () => {
    const table = readXlsx(
      workbook(
        [
          {
            name: '设施',
            rows:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>备注</t></is></c></row>' +
              '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c>' +
              '<c r="C2" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">新建 </t></r><r><t>&amp; 改扩建 &lt;一期&gt; &#20013;&#x6587; &quot;甲&apos;</t></r></is></c></row>' +
              '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" t="inlineStr"><is><t>回车_x000D_换行 a_x005F_x0041_b</t></is></c></row>',
          },
        ],
        [
          si('编号'),
          si('名称'),
          si('f-1'),
          '<si><r><rPr><sz val="11"/></rPr><t>滨江</t></r><r><t>社区综合服务站</t></r><rPh sb="0" eb="2"><t>ビンコウ</t></rPh></si>',
          si('f-2'),
          '<si><t xml:space="preserve">  文昌 &amp; 鼓楼  </t></si>',
        ],
      ),
    );
    expect(table.header).toEqual(['编号', '名称', '备注']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['f-1', '滨江社区综合服务站', '新建 & 改扩建 <一期> 中文 "甲\''] },
      { row: 3, cells: ['f-2', '  文昌 & 鼓楼  ', '回车\r换行 a_x0041_b'] },
    ]);
    expect(table.notes).toEqual([]);
  });

  it('places cells by their column letters, so skipped empty cells leave their column empty, and locates rows by number', () => {
    const table = readXlsx(
      workbook([
        {
          name: 'Sheet1',
          rows:
            // A styled but empty row and cell above the header do not count as filled.
            '<row r="2" spans="1:4" s="3" customFormat="1"><c r="A2" s="3"/><c r="B2" s="3"><v></v></c></row>' +
            '<row r="4"><c r="A4" t="inlineStr"><is><t>id</t></is></c><c r="B4" t="inlineStr"><is><t>lon</t></is></c><c r="C4" t="inlineStr"><is><t>lat</t></is></c><c r="D4" t="inlineStr"><is><t>area</t></is></c></row>' +
            '<row r="5"><c r="A5" t="inlineStr"><is><t>a</t></is></c><c r="D5"><v>1630</v></c></row>' +
            '<row r="9"><c r="C9"><v>28.282531</v></c><c r="B9"><v>109.72179800000001</v></c></row>' +
            // Cells without references follow one another from column A.
            '<row><c t="inlineStr"><is><t>c</t></is></c><c><v>110.5</v></c><c><v>28</v></c></row>',
        },
      ]),
    );
    expect(table.headerRow).toBe(4);
    expect(table.header).toEqual(['id', 'lon', 'lat', 'area']);
    expect(table.rows).toEqual([
      { row: 5, cells: ['a', null, null, '1630'] },
      { row: 9, cells: [null, '109.721798', '28.282531', null] },
      { row: 10, cells: ['c', '110.5', '28', null] },
    ]);
  });

  it('gives numbers as Excel shows them, formulas by their saved result, logical cells as TRUE/FALSE, and names error cells', () => {
    const table = readXlsx(
      workbook([
        {
          name: 'Sheet1',
          rows:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c><c r="B1" t="inlineStr"><is><t>formula</t></is></c><c r="C1" t="inlineStr"><is><t>flag</t></is></c><c r="D1" t="inlineStr"><is><t>area</t></is></c></row>' +
            '<row r="2"><c r="A2" t="n"><v>0.35000000000000003</v></c><c r="B2" t="str"><f>A3&amp;"号"</f><v>3号</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
            '<row r="3"><c r="A3"><v>1.5E-3</v></c><c r="B3"><f>A2*2</f><v>0.70000000000000007</v></c><c r="C3" t="b"><v>0</v></c><c r="D3" t="e"><v>#N/A</v></c></row>' +
            '<row r="4"><c r="A4"><v>-1630</v></c><c r="B4"><f>SUM(A1:A3)</f></c></row>',
        },
      ]),
    );
    expect(table.rows).toEqual([
      { row: 2, cells: ['0.35', '3号', 'TRUE', '#DIV/0!'] },
      { row: 3, cells: ['0.0015', '0.7', 'FALSE', '#N/A'] },
      { row: 4, cells: ['-1630', null, null, null] },
    ]);
    expect(table.notes.map((note) => note.en)).toEqual([
      'row 2, column area (D2): the cell holds the Excel error #DIV/0!',
      'row 3, column area (D3): the cell holds the Excel error #N/A',
      'row 4, column formula (B4): a formula without a saved result, read as empty (open and save the workbook in Excel or WPS to calculate it)',
    ]);
    expect(table.notes.map((note) => note.zh)).toEqual([
      '第 2 行，列“area”（单元格 D2）：单元格中是 Excel 错误值 #DIV/0!',
      '第 3 行，列“area”（单元格 D3）：单元格中是 Excel 错误值 #N/A',
      '第 4 行，列“formula”（单元格 B4）：公式没有保存计算结果，按空值读取（请在 Excel 或 WPS 中打开并保存工作簿，让公式算出结果）',
    ]);
  });

  it('names at most 20 error cells, then says how many more in both languages', () => {
    const rows = Array.from(
      { length: 23 },
      (_, k) => `<row r="${k + 2}"><c r="A${k + 2}" t="e"><v>#N/A</v></c></row>`,
    ).join('');
    const table = readXlsx(
      workbook([
        { name: 'Sheet1', rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>人口</t></is></c></row>${rows}` },
      ]),
    );
    expect(table.notes.length).toBe(21);
    expect(table.notes[19]).toEqual({
      en: 'row 21, column 人口 (A21): the cell holds the Excel error #N/A',
      zh: '第 21 行，列“人口”（单元格 A21）：单元格中是 Excel 错误值 #N/A',
    });
    expect(table.notes[20]).toEqual({ en: '… and 3 more such cells', zh: '……另有 3 个这样的单元格' });
  });

  it('reads the first sheet in the workbook order (by relationship id, not file name), else the first filled one', () => {
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c></row>';
    const notes = '<row r="1"><c r="A1" t="inlineStr"><is><t>说明：本表由规划局整理</t></is></c></row>';
    // 设施 comes first in the workbook but is stored as sheet2.xml.
    const first = readXlsx(
      workbook([
        { name: '设施', rows: data, file: 'worksheets/sheet2.xml' },
        { name: '说明', rows: notes, file: 'worksheets/sheet1.xml' },
        { name: 'Sheet3', rows: '' },
      ]),
    );
    expect(first).toMatchObject({
      sheetName: '设施',
      sheetPosition: 1,
      sheetNames: ['设施', '说明', 'Sheet3'],
    });
    expect(first.rows).toEqual([{ row: 2, cells: ['甲'] }]);
    expect(first.notes).toEqual([
      {
        en: 'read sheet “设施” (1 of 3); the other sheets (“说明”, “Sheet3”) are not imported',
        zh: '读取工作表“设施”（第 1 个，共 3 个）；其他工作表（“说明”、“Sheet3”）不导入',
      },
    ]);

    const afterEmpty = readXlsx(
      workbook([
        { name: 'Sheet1', rows: '<row r="1" s="2"><c r="A1" s="2"/></row>' },
        { name: '隐藏', rows: notes, state: 'hidden' },
        { name: '设施', rows: data },
      ]),
    );
    expect(afterEmpty).toMatchObject({ sheetName: '设施', sheetPosition: 3, header: ['名称'] });
    expect(afterEmpty.notes[0]).toEqual({
      en: 'read sheet “设施” (3 of 3); “Sheet1” has no cells; the other sheets (“Sheet1”, “隐藏”) are not imported',
      zh: '读取工作表“设施”（第 3 个，共 3 个）；“Sheet1”没有内容；其他工作表（“Sheet1”、“隐藏”）不导入',
    });

    // A hidden sheet is read only when no visible one has cells.
    const onlyHidden = readXlsx(
      workbook([
        { name: 'Sheet1', rows: '' },
        { name: '隐藏', rows: data, state: 'hidden' },
      ]),
    );
    expect(onlyHidden.sheetName).toBe('隐藏');
    expect(onlyHidden.notes).toContainEqual({
      en: 'sheet “隐藏” is hidden in the workbook',
      zh: '工作表“隐藏”在工作簿中是隐藏的',
    });

    expect(() =>
      readXlsx(
        workbook([
          { name: 'Sheet1', rows: '' },
          { name: 'Sheet2', rows: '' },
        ]),
      ),
    ).toThrow(/no sheet of the workbook has any filled cell \(sheets: “Sheet1”, “Sheet2”\)/);
  });

  it('skips a title merged across the table above the header, and notes cells outside the header', () => {
    const table = readXlsx(
      workbook([
        {
          name: '设施',
          rows:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>城东街道公共服务设施一览表</t></is></c></row>' +
            '<row r="3"><c r="B3" t="inlineStr"><is><t>名称</t></is></c><c r="C3" t="inlineStr"><is><t>人口</t></is></c><c r="E3" t="inlineStr"><is><t>户数</t></is></c></row>' +
            '<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t>甲</t></is></c><c r="C4"><v>300</v></c><c r="D4"><v>7</v></c><c r="E4"><v>100</v></c><c r="F4" t="inlineStr"><is><t>备注</t></is></c></row>',
          after: '<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>',
        },
      ]),
    );
    expect(table.headerRow).toBe(3);
    expect(table.header).toEqual(['名称', '人口', 'column D', '户数']);
    expect(table.rows).toEqual([{ row: 4, cells: ['甲', '300', '7', '100'] }]);
    expect(table.notes.map((note) => note.en)).toEqual([
      "row 1 (“城东街道公共服务设施一览表”) is read as the sheet's title; the header is row 3",
      "2 filled cells lie outside the header's columns B–E and are ignored (A4, F4)",
    ]);
    expect(table.notes.map((note) => note.zh)).toEqual([
      '第 1 行（“城东街道公共服务设施一览表”）作为工作表的标题跳过；表头是第 3 行',
      '有 2 个填写了内容的单元格在表头所占的 B–E 列之外，已忽略（A4、F4）',
    ]);
    // Without the merge the lone cell is the header, as the first non-empty row.
    const unmerged = readXlsx(
      workbook([
        {
          name: '设施',
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="2"><c r="A2"><v>5</v></c></row>',
        },
      ]),
    );
    expect(unmerged.header).toEqual(['标题']);
  });

  it('refuses damaged workbooks with the part and the problem', () => {
    const good = workbook(
      [{ name: 'Sheet1', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      [si('名称')],
    );
    expect(readXlsx(good).header).toEqual(['名称']);
    expect(() => readXlsx(good.subarray(0, good.length - 40))).toThrow(
      /not a readable Excel workbook \(\.xlsx\): the file is damaged/,
    );
    expect(() => readXlsx(new TextEncoder().encode('编号,名称\n1,甲\n'))).toThrow(XlsxError);
    expect(() => readXlsx(zipSync({ 'facilities.csv': new TextEncoder().encode('a,b') }))).toThrow(
      /not an Excel workbook: the zip has no xl\/workbook\.xml/,
    );
    const badIndex = workbook(
      [{ name: 'Sheet1', rows: '<row r="1"><c r="A1" t="s"><v>3</v></c></row>' }],
      [si('名称')],
    );
    expect(() => readXlsx(badIndex)).toThrow(
      /sheet “Sheet1”, cell A1: refers to shared string 3, but the workbook has 1/,
    );
    const truncated = workbook([
      { name: 'Sheet1', rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>' },
    ]);
    let error: unknown;
    try {
      readXlsx(truncated);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(XlsxError);
    expect((error as XlsxError).message).toMatch(
      /^the workbook is damaged: sheet “Sheet1” is not well-formed XML \(<\/sheetData> where <\/c> was due, line 2\)$/,
    );
    expect((error as XlsxError).messageZh).toMatch(
      /^工作簿已损坏：工作表“Sheet1” 不是格式正确的 XML（应为 <\/c>，却是 <\/sheetData>，第 2 行）$/,
    );
  });
});

describe('cell helpers', () => {
  it('converts column letters and numbers both ways, and numbers to Excel text', () => {
    expect(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD'].map(columnIndex)).toEqual([
      1, 26, 27, 52, 53, 702, 703, 16384,
    ]);
    for (const index of [1, 26, 27, 52, 53, 702, 703, 16384])
      expect(columnIndex(columnLetters(index))).toBe(index);
    expect(numberText('1630')).toBe('1630');
    expect(numberText('109.72179800000001')).toBe('109.721798');
    expect(numberText('440106001001')).toBe('440106001001');
    expect(numberText('abc')).toBe('abc');
  });
});

/**
 * End to end: the import wizard's text encodings (issue 13) against the real server (embedded
 * PostGIS, demo region) in headless Chromium, with Shapefiles GDAL's ogr2ogr writes at test time.
 * - A Big5 Shapefile that lost its .cpg names no code page (GDAL leaves the language driver byte
 *   unset), so the importer guesses GBK: its column 名稱 and the names come out garbled and nothing
 *   can be committed; the wizard says the encoding was guessed and how to choose another. The
 *   planner picks 繁体中文 Big5 in the menu and maps 名称 to the column 名稱: the preview shows the
 *   Traditional Chinese name and says the encoding was the one chosen, in Chinese and in English,
 *   and the commit stores the name as written.
 * - A Shapefile whose .cpg names DOS Greek (CP737), which cannot be decoded here, is refused by
 *   name, with the wizard's advice to choose the encoding in its menu; choosing one previews it.
 */
import { zipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXT_ENCODINGS } from '../../core/formats/text-encoding.js';
import { getJson, screenshotPath, useE2eSession } from '../support/e2e-harness.js';
import { writeShapefileWithGdal, type GdalFeature } from '../support/gdal.js';

const PREVIEW_TIMEOUT_MS = 60_000;
const TAIPEI_KINDERGARTEN = '臺北市立幼兒園';

/** A zipped Shapefile ogr2ogr writes with its layer options, without the files named in `leaveOut`. */
async function gdalZip(
  name: string,
  features: GdalFeature[],
  layerOptions: string[],
  leaveOut: string[] = [],
): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const files = await writeShapefileWithGdal(name, features, layerOptions);
  const kept = Object.entries(files).filter(([extension]) => !leaveOut.includes(extension));
  const zip = zipSync(Object.fromEntries(kept.map(([extension, bytes]) => [`${name}.${extension}`, bytes])));
  return { name: `${name}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zip) };
}

/** The middle of the demo region, where a facility of the file lies inside it. */
async function regionMiddle(baseUrl: string): Promise<{ region: string; lonLat: [number, number] }> {
  const [first] = await getJson<{ id: string; bbox: [number, number, number, number] }[]>(
    baseUrl,
    '/api/regions',
  );
  const [west, south, east, north] = first!.bbox;
  return { region: first!.id, lonLat: [(west + east) / 2, (south + north) / 2] };
}

/** The text of the element once it holds `expected`. */
async function textOnceItHolds(element: Locator, expected: string): Promise<string> {
  await expect.poll(() => element.innerText(), { timeout: PREVIEW_TIMEOUT_MS }).toContain(expected);
  return element.innerText();
}

/** The text of the encoding menu's selected option. */
function selectedEncoding(wizard: Locator): Promise<string> {
  return wizard.getByTestId('import-encoding').evaluate((select: HTMLSelectElement) => {
    return select.selectedOptions[0]?.textContent ?? '';
  });
}

async function switchLanguage(page: Page, to: 'zh' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(to === 'zh' ? 'zh-CN' : 'en');
}

describe('the import wizard reads the code page the planner names', () => {
  const { openApp } = useE2eSession();

  it('reads a Big5 Shapefile without .cpg once 繁体中文 Big5 is picked, and says so', async () => {
    const { baseUrl, page } = await openApp();
    const { region, lonLat } = await regionMiddle(baseUrl);
    const file = await gdalZip(
      'taipei-kindergartens',
      [
        {
          lonLat,
          properties: { id: 'f-big5', 名稱: TAIPEI_KINDERGARTEN, category: 'kindergarten', capacity: 120 },
        },
      ],
      ['ENCODING=BIG5'],
      ['cpg'],
    );

    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-layer').selectOption('facilities');

    // The menu offers every encoding the API reads, grouped, named in Chinese.
    const menu = wizard.getByTestId('import-encoding');
    expect(await menu.locator('option').count()).toBe(TEXT_ENCODINGS.length + 1);
    const groups = await menu
      .locator('optgroup')
      .evaluateAll((elements) =>
        elements.map((group) => [
          (group as HTMLOptGroupElement).label,
          [...group.querySelectorAll('option')].map((option) => option.textContent),
        ]),
      );
    expect(groups[0]).toEqual([
      '中文',
      ['UTF-8', '简体中文 GBK（GB 18030，代码页 936）', '繁体中文 Big5（代码页 950）'],
    ]);
    expect(groups.map(([label]) => label)).toEqual(
      expect.arrayContaining(['日文、韩文', '西里尔文字（俄文等）', 'Unicode（UTF-16）']),
    );
    expect(await selectedEncoding(wizard)).toBe('自动识别');

    // Nothing names the code page: the text is taken for GBK, the name is garbled, the wizard says it guessed.
    await wizard.getByTestId('import-file').setInputFiles(file);
    const preview = wizard.getByTestId('import-preview');
    await preview.waitFor({ timeout: PREVIEW_TIMEOUT_MS });
    const used = preview.getByTestId('import-encoding-used');
    expect(await textOnceItHolds(used, '简体中文 GBK')).toBe(
      '简体中文 GBK（GB 18030，代码页 936） · 文件未说明，按文本内容推断',
    );
    expect(await preview.getByTestId('import-encoding-guessed').innerText()).toContain(
      '如果名称等文字显示为乱码，说明推断有误：请在上方“文字编码”中选择文件实际使用的编码',
    );
    // Read as GBK the column 名稱 is no column of that name: 名称 (name) is unmapped, nothing can be committed.
    const columnNames = () =>
      preview
        .getByTestId('import-map-name')
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(await columnNames()).not.toContain('名稱');
    expect(await preview.getByTestId('import-map-name').locator('select').inputValue()).toBe('');
    expect(await preview.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await preview.innerText()).not.toContain(TAIPEI_KINDERGARTEN);

    // The planner picks Big5 by its name in the menu: the column is 名稱, mapped to 名称 its samples
    // are the kindergarten's name, and the encoding is named as the one chosen.
    await menu.selectOption({ label: '繁体中文 Big5（代码页 950）' });
    await expect.poll(columnNames, { timeout: PREVIEW_TIMEOUT_MS }).toContain('名稱');
    await preview.getByTestId('import-map-name').locator('select').selectOption('名稱');
    expect(await textOnceItHolds(preview.getByTestId('import-map-name'), TAIPEI_KINDERGARTEN)).toContain(
      '名稱',
    );
    expect(await used.innerText()).toBe('繁体中文 Big5（代码页 950） · 按所选编码读取');
    expect(await preview.getByTestId('import-encoding-guessed').count()).toBe(0);
    expect(await preview.getByTestId('import-feature-count').innerText()).toBe('预览要素 1 个');
    await preview.getByTestId('import-detected').scrollIntoViewIfNeeded();
    await page.screenshot({ path: await screenshotPath('import-encoding-big5.png') });

    // In English the menu and the preview say the same.
    await switchLanguage(page, 'en');
    expect(await textOnceItHolds(used, 'as chosen')).toBe(
      'Big5 (Traditional Chinese, code page 950) · as chosen',
    );
    expect(await selectedEncoding(wizard)).toBe('Big5 (Traditional Chinese, code page 950)');
    expect(await menu.locator('optgroup').first().getAttribute('label')).toBe('Chinese');
    await switchLanguage(page, 'zh');

    // The commit stores the name as written.
    const commit = preview.getByTestId('import-commit');
    await expect.poll(() => commit.isEnabled(), { timeout: PREVIEW_TIMEOUT_MS }).toBe(true);
    await commit.click();
    await wizard.getByTestId('import-success').waitFor({ timeout: PREVIEW_TIMEOUT_MS });
    const facilities = await getJson<{
      features: { id?: string; properties: { id: string; name: string } }[];
    }>(baseUrl, `/api/regions/${region}/facilities`);
    const stored = facilities.features.find((feature) => (feature.properties.id ?? feature.id) === 'f-big5');
    expect(stored?.properties.name).toBe(TAIPEI_KINDERGARTEN);
    await wizard.getByTestId('import-close').click();
  });

  it('refuses a .cpg naming DOS Greek by name, says to choose the encoding in the menu, and previews once one is chosen', async () => {
    const { baseUrl, page } = await openApp();
    const { lonLat } = await regionMiddle(baseUrl);
    const file = await gdalZip(
      'greek-dos',
      [{ lonLat, properties: { id: 'f-greek', name: 'Αθήνα', category: 'kindergarten' } }],
      ['ENCODING=CP737'],
    );

    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-layer').selectOption('facilities');
    await wizard.getByTestId('import-file').setInputFiles(file);
    const refusal = wizard.getByTestId('import-error');
    expect(await textOnceItHolds(refusal, 'CP737')).toContain(
      'greek-dos.zip：.cpg 文件指定的代码页“CP737”无法解码',
    );
    expect(await refusal.getByTestId('import-encoding-advice').innerText()).toBe(
      '可以在上方“文字编码”中选择文件实际使用的编码，按该编码重新预览；菜单中没有这种编码时，请先把文件另存为 UTF-8。',
    );
    expect(await wizard.getByTestId('import-preview').count()).toBe(0);

    await switchLanguage(page, 'en');
    expect(await textOnceItHolds(refusal, 'the .cpg names code page "CP737"')).toContain(
      'Choose the file’s encoding under “Text encoding” above',
    );
    await switchLanguage(page, 'zh');

    // Told an encoding, the server reads the file with it instead of the .cpg's.
    await wizard.getByTestId('import-encoding').selectOption({ label: '希腊文 Windows-1253' });
    const preview = wizard.getByTestId('import-preview');
    await preview.waitFor({ timeout: PREVIEW_TIMEOUT_MS });
    expect(await textOnceItHolds(preview.getByTestId('import-encoding-used'), 'Windows-1253')).toBe(
      '希腊文 Windows-1253 · 按所选编码读取',
    );
    expect(await wizard.getByTestId('import-error').count()).toBe(0);
  });
});

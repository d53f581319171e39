/**
 * End to end: the import wizard (issue 5) against the real server (embedded PostGIS, demo region) in
 * headless Chromium. A GBK CSV of facilities is uploaded as facilities: the preview names its
 * encoding and columns, maps the fields, draws its features, and Commit adds exactly its rows to
 * the region (read back through the API). A broken GBK CSV lists its problems by row and field and
 * cannot be committed; mapping its unknown category in the wizard removes that problem.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../server/src/config.js';
import { getJson, screenshotPath, useE2eSession } from '../support/e2e-harness.js';

const FIXTURES = path.join(REPOSITORY_ROOT, 'tests/fixtures/import');

/** Data rows of a CSV fixture (lines after the header that hold something). */
async function csvDataRows(fileName: string): Promise<number> {
  const text = (await readFile(path.join(FIXTURES, fileName), 'latin1')).split(/\r?\n/);
  return text.slice(1).filter((line) => line.trim() !== '').length;
}

/** Whether a problem row (its cells: where, field, what) is at `where` and about `field`. */
function hasProblem(rows: string[], where: string, field: string): boolean {
  return rows.some((row) => {
    const [whereCell = '', fieldCell = ''] = row.split('\t');
    return whereCell.startsWith(where) && fieldCell.startsWith(field);
  });
}

describe('the import wizard in a browser', () => {
  const { openApp } = useE2eSession();

  it('previews a GBK CSV of facilities, commits it, and refuses a broken one by row and field', async () => {
    const { baseUrl, page } = await openApp();
    const region = (await getJson<{ id: string }[]>(baseUrl, '/api/regions'))[0]!.id;
    const facilitiesBefore = (
      await getJson<{ features: unknown[] }>(baseUrl, `/api/regions/${region}/facilities`)
    ).features.length;
    const rows = await csvDataRows('facilities-gbk.csv');
    expect(rows).toBe(21);

    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-layer').selectOption('facilities');
    await wizard.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'facilities-gbk.csv'));
    const preview = wizard.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });

    // Detected: GBK text; the mapping feeds name and category from the Chinese columns.
    await expect.poll(() => preview.getByTestId('import-detected').innerText()).toContain('GBK');
    expect(await preview.getByTestId('import-map-name').locator('select').inputValue()).toBe('名称');
    expect(await preview.getByTestId('import-map-category').locator('select').inputValue()).toBe('类别');
    expect(await preview.getByTestId('import-map-name').innerText()).toContain('城南街道文化活动中心');
    expect(await preview.getByTestId('import-feature-count').innerText()).toContain(String(rows));
    expect(await preview.getByTestId('import-problem').filter({ hasText: '错误' }).count()).toBe(0);
    const commit = preview.getByTestId('import-commit');
    expect(await commit.isEnabled()).toBe(true);
    await preview.getByTestId('import-summary').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500); // the map eases to the preview's extent before the screenshot
    await page.screenshot({ path: await screenshotPath('import-preview.png') });

    await commit.click();
    await wizard.getByTestId('import-success').waitFor({ timeout: 60_000 });
    const facilitiesAfter = (
      await getJson<{ features: unknown[] }>(baseUrl, `/api/regions/${region}/facilities`)
    ).features.length;
    expect(facilitiesAfter).toBe(facilitiesBefore + rows);
    // The layer panel reloads: its facility count is the new one.
    await wizard.getByTestId('import-close').click();
    await expect
      .poll(
        () =>
          page.locator('.layer-row').filter({ hasText: '公共服务设施' }).locator('.layer-meta').innerText(),
        { timeout: 30_000 },
      )
      .toContain(String(facilitiesAfter));

    // A broken file: problems by row and field, no commit.
    await page.getByTestId('import-open').click();
    await wizard.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'facilities-gbk-broken.csv'));
    await preview.getByTestId('import-problems').waitFor({ timeout: 60_000 });
    // The interface is Chinese: rows and fields are named in Chinese (第 2 行, 设施类别 for category).
    const problemRows = await preview.getByTestId('import-problem').allInnerTexts();
    expect(hasProblem(problemRows, '第 2 行', '设施类别'), problemRows.join('\n')).toBe(true);
    expect(hasProblem(problemRows, '第 4 行', '编号'), problemRows.join('\n')).toBe(true);
    expect(hasProblem(problemRows, '第 5 行', '几何'), problemRows.join('\n')).toBe(true);
    expect(await preview.getByTestId('import-commit').isDisabled()).toBe(true);
    await preview.getByTestId('import-problems').scrollIntoViewIfNeeded();
    await page.screenshot({ path: await screenshotPath('import-problems.png') });

    // Reading the unknown 网吧 as a supermarket previews again without that problem.
    await preview.getByTestId('import-values').locator('select').first().selectOption('supermarket');
    await expect
      .poll(
        async () =>
          hasProblem(await preview.getByTestId('import-problem').allInnerTexts(), '第 2 行', '设施类别'),
        {
          timeout: 60_000,
        },
      )
      .toBe(false);
    expect(await preview.getByTestId('import-commit').isDisabled()).toBe(true);
    const unchanged = (await getJson<{ features: unknown[] }>(baseUrl, `/api/regions/${region}/facilities`))
      .features.length;
    expect(unchanged).toBe(facilitiesAfter);
  });

  it('says the problems and refusals in Chinese in the Chinese interface, and in English in the English one', async () => {
    const { page } = await openApp();
    const englishSentence = /\b(is not|duplicate id|look swapped|lies outside|row \d|field ")/;
    const cjk = /[\u4e00-\u9fff]/;
    await page.getByTestId('import-open').click();
    const wizard = page.getByTestId('import-wizard');
    await wizard.getByTestId('import-layer').selectOption('facilities');
    await wizard.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'facilities-broken.csv'));
    const preview = wizard.getByTestId('import-preview');
    await preview.getByTestId('import-problems').waitFor({ timeout: 60_000 });

    // Chinese (the default): every row names its place, field and problem in Chinese, no English sentence.
    const chinese = await preview.getByTestId('import-problem').allInnerTexts();
    expect(chinese.length).toBeGreaterThanOrEqual(6);
    for (const row of chinese) {
      const [where = '', , what = ''] = row.split('\t');
      expect(what, row).toMatch(cjk);
      expect(row).not.toMatch(englishSentence);
      // The place has its own column: the sentence does not say it again.
      expect(what, row).not.toContain(where.split(' · ')[0]);
    }
    const chineseRow = (where: string) => chinese.find((row) => row.startsWith(where)) ?? '';
    expect(hasProblem(chinese, '第 2 行', '设施类别'), chinese.join('\n')).toBe(true);
    expect(chineseRow('第 2 行')).toContain('“网吧”是未知的设施类别');
    expect(chineseRow('第 3 行')).toContain('“约300”不是数字');
    expect(chineseRow('第 5 行')).toContain('重复编号“bad-3”（第 4 行已使用）');
    expect(chineseRow('第 6 行')).toContain('坐标顺序颠倒（纬度在前）');
    expect(chineseRow('第 7 行')).toContain('位于区域范围之外');

    // English: the same problems as the API's English messages.
    await page.getByTestId('language-switch').click();
    await expect
      .poll(async () => (await preview.getByTestId('import-problem').allInnerTexts()).join('\n'))
      .toContain('row 2');
    const english = await preview.getByTestId('import-problem').allInnerTexts();
    expect(english.length).toBe(chinese.length);
    expect(hasProblem(english, 'row 2', 'category'), english.join('\n')).toBe(true);
    expect(english.find((row) => row.startsWith('row 5'))).toContain('duplicate id "bad-3" (also row 4)');
    expect(english.find((row) => row.startsWith('row 6'))).toContain('the coordinates look swapped');
    expect(english.some((row) => row.includes('第'))).toBe(false);

    // A file refused as a whole: the error line follows the language too.
    await wizard.getByTestId('import-file').setInputFiles({
      name: 'communities.shp',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(100),
    });
    const refusal = wizard.getByTestId('import-error');
    await expect.poll(() => refusal.innerText(), { timeout: 60_000 }).toContain('a Shapefile needs its .dbf');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => refusal.innerText()).toContain('Shapefile 需要配套的 .dbf');
    expect(await refusal.innerText()).not.toMatch(/needs its/);
  });
});

import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n';
import { sourceOf } from '../../../../core/standards/documents';
import {
  documentTitles,
  figureText,
  missingText,
  sourceText,
  statusKey,
  statusTone,
  type Translate,
} from './rule-text';

const zh: Translate = (key, params) => translate('zh', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('rule text', () => {
  it('names a document by its title with the clause, never by its number', () => {
    const source = sourceOf('002', '专栏2', null);
    expect(sourceText(source, 'zh')).toBe('《乐山市“十四五”城乡社区发展治理规划》专栏2');
    expect(sourceText(source, 'zh')).not.toContain('文件');
    expect(sourceText(source, 'en')).toMatch(/^Leshan 14th Five-Year Plan.*, 专栏2$/);
    expect(documentTitles([source, sourceOf('002', '三、（一）1', null)], 'zh')).toEqual([
      '《乐山市“十四五”城乡社区发展治理规划》',
    ]);
  });

  it('says advice and undetermined apart from a failure, and a classification as such', () => {
    expect(statusTone('advice')).toBe('advice');
    expect(statusTone('undetermined')).toBe('undetermined');
    expect(statusTone('not-candidate')).toBe('not-applicable');
    expect(zh(statusKey({ status: 'advice', kind: 'floor-area' }))).toBe('建议');
    expect(zh(statusKey({ status: 'undetermined', kind: 'staff' }))).toBe('待定·缺数据');
    expect(zh(statusKey({ status: 'undetermined', kind: 'classification' }))).toBe('待定');
    expect(zh(statusKey({ status: 'not-candidate', kind: 'classification' }))).toBe('非候选');
  });

  it('writes a figure in its unit', () => {
    expect(figureText(0.352, { zh: '%', en: '%' }, 'zh')).toBe('35.2%');
    expect(figureText(1234, { zh: '人', en: 'residents' }, 'zh')).toBe('1,234 人');
    expect(figureText(12.34, { zh: 'm²/百户', en: 'm² per 100 households' }, 'en')).toBe(
      '12.3 m² per 100 households',
    );
    expect(figureText(null, { zh: '人', en: 'residents' }, 'zh')).toBeNull();
  });

  it('says which figures an undetermined result is missing', () => {
    expect(missingText(['serviceFloorAreaSquareMeters', 'stationProvenance'], zh, 'zh')).toBe(
      '缺少：服务用房面积、服务站来源（新建/改建/购置/租用）',
    );
    expect(missingText(['reach:kindergarten|nursery'], en, 'en')).toBe(
      'Missing: walking reach (kindergarten|nursery)',
    );
    expect(missingText([], zh, 'zh')).toBeNull();
  });
});

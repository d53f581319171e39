import { describe, expect, it } from 'vitest';
import { translate } from './i18n';

describe('translate', () => {
  it('speaks Chinese and English and fills placeholders', () => {
    expect(translate('zh', 'layers.title')).toBe('图层');
    expect(translate('en', 'layers.title')).toBe('Layers');
    expect(translate('zh', 'tier.minutes', { n: 15 })).toBe('15 分钟');
  });
});

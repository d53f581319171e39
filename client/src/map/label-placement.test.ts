import { describe, expect, it } from 'vitest';
import { placeLabels, textWidthPixels, type LabelCandidate } from './label-placement';

const label = (key: string, lng: number, text = '滨江社区'): LabelCandidate => ({
  key,
  position: [lng, 28.28],
  text,
  fontSizePixels: 13,
  baseline: 'center',
});

describe('placeLabels', () => {
  it('drops a label that would overlap one placed before it, and keeps it once zoomed in far enough', () => {
    // 0.0005° of longitude is about 6 px at zoom 12 and 93 px at zoom 17; each label is 60 px wide.
    const candidates = [label('first', 109.7), label('second', 109.7005)];
    expect([...placeLabels(candidates, 12)]).toEqual(['first']);
    expect([...placeLabels(candidates, 17)].sort()).toEqual(['first', 'second']);
  });

  it('measures CJK text wider than Latin text of the same length', () => {
    expect(textWidthPixels('社区', 10)).toBe(20);
    expect(textWidthPixels('ab', 10)).toBeCloseTo(11.6);
  });
});

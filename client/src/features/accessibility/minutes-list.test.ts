import { describe, expect, it } from 'vitest';
import {
  MINUTES_EMPTY,
  MINUTES_NOT_A_NUMBER,
  MINUTES_OUT_OF_RANGE,
  MINUTES_TOO_MANY,
  formatMinutesList,
  parseMinutesList,
} from './minutes-list';

describe('parseMinutesList', () => {
  it('reads the separators people type and sorts, dropping duplicates', () => {
    expect(parseMinutesList('5, 10, 15')).toEqual({ ok: true, minutes: [5, 10, 15] });
    expect(parseMinutesList('15、5，10 10')).toEqual({ ok: true, minutes: [5, 10, 15] });
    expect(parseMinutesList(' 2.5 / 60 ')).toEqual({ ok: true, minutes: [2.5, 60] });
  });

  it('names the entry that is not a number or out of (0, 60]', () => {
    expect(parseMinutesList('5, ten')).toEqual({ ok: false, reason: MINUTES_NOT_A_NUMBER, token: 'ten' });
    expect(parseMinutesList('5, 61')).toEqual({ ok: false, reason: MINUTES_OUT_OF_RANGE, token: '61' });
    expect(parseMinutesList('0, 5')).toEqual({ ok: false, reason: MINUTES_OUT_OF_RANGE, token: '0' });
    expect(parseMinutesList('-5')).toEqual({ ok: false, reason: MINUTES_OUT_OF_RANGE, token: '-5' });
  });

  it('refuses an empty list and more than 12 values', () => {
    expect(parseMinutesList(' , ')).toEqual({ ok: false, reason: MINUTES_EMPTY });
    const thirteen = Array.from({ length: 13 }, (_, index) => index + 1).join(',');
    expect(parseMinutesList(thirteen)).toEqual({ ok: false, reason: MINUTES_TOO_MANY });
    expect(parseMinutesList(thirteen.replace(/,13$/, ''))).toMatchObject({ ok: true });
  });

  it('formats back to what it reads', () => {
    expect(formatMinutesList([5, 10, 15])).toBe('5, 10, 15');
    expect(parseMinutesList(formatMinutesList([3, 7.5]))).toEqual({ ok: true, minutes: [3, 7.5] });
  });
});

import { describe, expect, it } from 'vitest';
import { initialSitingForm, sitingRequest, withCategory } from './siting-form';

describe('the siting form', () => {
  it('starts from the category’s tier and the group it serves', () => {
    const form = initialSitingForm('kindergarten');
    expect(form.minutes).toBe(5);
    expect(form.demand).toBe('children');
    const elderly = withCategory(form, 'elderly_day_care');
    expect(elderly.demand).toBe('elderly');
    expect(withCategory(form, 'middle_school').minutes).toBe(15);
    expect(withCategory(form, 'supermarket').demand).toBe('residents');
  });

  it('makes the request, with a capacity only when one is typed', () => {
    const form = { ...initialSitingForm('kindergarten'), countText: '4', candidates: 'grid' as const };
    expect(sitingRequest(form)).toEqual({
      ok: true,
      body: {
        category: 'kindergarten',
        count: 4,
        minutes: 5,
        demand: 'children',
        candidates: 'grid',
        keepExisting: true,
      },
    });
    const capacitated = sitingRequest({ ...form, capacityText: ' 120 ' });
    expect(capacitated.ok && capacitated.body.capacity).toBe(120);
  });

  it('names the fields that do not read as allowed numbers', () => {
    const form = initialSitingForm('kindergarten');
    expect(sitingRequest({ ...form, countText: '2.5', capacityText: '-3' })).toEqual({
      ok: false,
      problems: ['count', 'capacity'],
    });
    expect(sitingRequest({ ...form, countText: '' })).toEqual({ ok: false, problems: ['count'] });
    expect(sitingRequest({ ...form, countText: '51' })).toEqual({ ok: false, problems: ['count'] });
  });
});

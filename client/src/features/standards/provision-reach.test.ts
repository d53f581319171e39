import { describe, expect, it } from 'vitest';
import { provisionReachTable } from './provision-reach';

const result = (
  ruleId: string,
  kind: string,
  status: 'pass' | 'fail' | 'advice',
  figure: number,
  key?: string,
) => ({
  ruleId,
  kind,
  status,
  figure,
  ...(key ? { walk: { requirement: { key, allOf: [{ anyOf: [{ minutes: 5 }, { minutes: 10 }] }] } } } : {}),
});

describe('provision and reach side by side', () => {
  const tiers = { kindergarten: 5, nursery: 10, supermarket: 5, park: 10, culture_centre: 15 };

  it('pairs a document’s provision and reach of one item, a nursery counting for the kindergarten', () => {
    const table = provisionReachTable(
      [
        result('provision.kindergarten_or_nursery', 'provision', 'pass', 1),
        result('provision.supermarket', 'provision', 'advice', 0),
        result('reach.kindergarten_or_nursery', 'reach', 'fail', 0.6, 'kindergarten|nursery'),
        result('reach.circle15', 'reach', 'pass', 0.9, 'circle@15'),
      ],
      { nursery: 1, park: 2 },
      { 'kindergarten|nursery': 0.62, 'circle@15': 0.91, supermarket: 0.4, park: 0.8, culture_centre: 0.3 },
      tiers,
    );
    const kindergarten = table.required.find((row) => row.key === 'kindergarten|nursery')!;
    expect(kindergarten.count).toBe(1);
    expect(kindergarten.provision?.status).toBe('pass');
    expect(kindergarten.reach?.status).toBe('fail');
    expect(kindergarten.share).toBe(0.62);
    expect(kindergarten.minutes).toEqual([5, 10]);
    const supermarket = table.required.find((row) => row.key === 'supermarket')!;
    expect(supermarket).toMatchObject({ count: 0, share: 0.4, minutes: [5], reach: null });
    expect(supermarket.provision?.status).toBe('advice');
    const circle = table.required.find((row) => row.key === 'circle@15')!;
    expect(circle).toMatchObject({ count: null, share: 0.91, subject: { kind: 'circle', minutes: 15 } });
    // Categories no rule asks for: figures only; those a rule covers are not repeated.
    expect(table.others.map((row) => row.key)).toEqual(['park', 'culture_centre']);
    expect(table.others[0]).toMatchObject({
      count: 2,
      share: 0.8,
      minutes: [10],
      provision: null,
      reach: null,
    });
  });

  it('leaves the count unknown without a facility layer', () => {
    const table = provisionReachTable(
      [result('provision.supermarket', 'provision', 'pass', 1)],
      null,
      {},
      {},
    );
    expect(table.required[0].count).toBeNull();
    expect(table.others).toEqual([]);
  });
});

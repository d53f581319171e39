import { describe, expect, it } from 'vitest';
import { groupByStreet, type CommunityRow } from './community-groups';

function row(id: string, name: string, streetId: string): CommunityRow & { streetId: string } {
  return { id, name, streetId, type: 'urban', residents: 100, failed: 0, changed: false };
}

describe('groupByStreet', () => {
  it('groups communities by street, streets and names in Chinese order', () => {
    const names: Record<string, string> = { s1: '城南街道', s2: '城北街道' };
    const groups = groupByStreet(
      [
        row('c1', '滨江社区', 's1'),
        row('c2', '安居社区', 's2'),
        row('c3', '安居社区二', 's1'),
        row('c4', '白塔社区', 's1'),
      ],
      (id) => names[id] ?? id,
    );
    expect(groups.map((group) => group.streetId)).toEqual(['s2', 's1']);
    expect(groups[1].rows.map((entry) => entry.id)).toEqual(['c3', 'c4', 'c1']);
    expect(groups[1].rows[0]).not.toHaveProperty('streetId');
  });

  it('names an unknown street by its id', () => {
    expect(
      groupByStreet([row('c1', 'a', 'zz'), row('c2', 'b', 'aa')], (id) => id).map((group) => group.streetId),
    ).toEqual(['aa', 'zz']);
  });
});

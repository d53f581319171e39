import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../lib/api';
import { translate, type MessageKey } from '../../lib/i18n';
import { describeEdit, refusalKey, refusedEditIndex, type EditNames } from './edit-text';
import type { ScenarioEdit } from './scenario-core';

const names = (language: 'zh' | 'en'): EditNames => ({
  community: (id) => `社区${id}`,
  facility: (id) => (id === 'k1' ? '滨江幼儿园' : id),
  language,
});
const line = (edit: ScenarioEdit, language: 'zh' | 'en' = 'zh') =>
  describeEdit(edit, names(language), (key: MessageKey, params) => translate(language, key, params));

describe('the pending list’s lines of facility and path edits', () => {
  it('name the category in the interface language, the facility and its figures', () => {
    const placed: ScenarioEdit = {
      op: 'add-facility',
      facility: {
        id: 'f-1',
        name: '新园',
        category: 'kindergarten',
        position: [0, 0],
        floorAreaSquareMeters: 1200,
        capacity: 180,
      },
    };
    expect(line(placed)).toBe('新增幼儿园“新园”（建筑面积 1200 平方米，容量 180）');
    expect(line(placed, 'en')).toBe('New Kindergarten “新园” (1200 m² floor area, capacity 180)');
    expect(
      line({ op: 'add-facility', facility: { name: '园', category: 'supermarket', position: [0, 0] } }),
    ).toBe('新增综合超市“园”');
    expect(line({ op: 'move-facility', facilityId: 'k1', position: [0, 0] })).toBe('迁移设施“滨江幼儿园”');
    expect(line({ op: 'update-facility', facilityId: 'k1', changes: { capacity: 3 } })).toBe(
      '修改设施“滨江幼儿园”的属性',
    );
    expect(line({ op: 'remove-facility', facilityId: 'k1' }, 'en')).toBe('Remove facility “滨江幼儿园”');
  });

  it('count a path’s points or give its name, and tell closed edges from removed paths', () => {
    const coordinates: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    expect(line({ op: 'add-path', line: { type: 'LineString', coordinates } })).toBe(
      '新增步行道路（3 个折点）',
    );
    expect(line({ op: 'add-path', name: '连廊', line: { type: 'LineString', coordinates } })).toBe(
      '新增步行道路“连廊”',
    );
    expect(line({ op: 'close-path', edgeIds: [3, 4] })).toBe('封闭 2 段道路');
    expect(line({ op: 'close-path', edgeIds: [3, 'p-1'] })).toBe('封闭 1 段道路，删除 1 条本方案新增的道路');
  });
});

describe('refusals', () => {
  const error = (body: unknown, message = ''): ApiError => ({
    status: 400,
    message,
    path: '/',
    aborted: false,
    body,
  });

  it('find the edit a server’s refusal names: by its index, a field of it, or the message', () => {
    expect(refusedEditIndex(error({ code: 'scenario.edit-refused', params: { index: 2 } }))).toBe(2);
    expect(
      refusedEditIndex(
        error({ code: 'region.position-outside', params: { field: 'edits[1].facility.position' } }),
      ),
    ).toBe(1);
    expect(refusedEditIndex(error(null, 'edits[4] (add-facility): outside'))).toBe(4);
    expect(refusedEditIndex(error({ code: 'validation', params: { field: 'version' } }))).toBeNull();
  });

  it('word the session’s own reasons for layer edits', () => {
    expect(refusalKey('unknown-facility')).toBe('scenario.refused.unknownFacility');
    expect(refusalKey('unknown-edge')).toBe('scenario.refused.unknownEdge');
    expect(refusalKey('line-too-short')).toBe('scenario.refused.lineTooShort');
  });
});

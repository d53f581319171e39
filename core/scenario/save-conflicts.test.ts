import { describe, expect, it } from 'vitest';
import {
  collidingObjects,
  editTouches,
  findSaveConflicts,
  withRefusedEdit,
  type OtherSave,
} from './save-conflicts.js';
import { EDIT_OPS, type ScenarioEdit } from './scenario-edit-schema.js';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ] as [number, number][][],
};
const line = {
  type: 'LineString' as const,
  coordinates: [
    [0, 0],
    [1, 1],
  ] as [number, number][],
};

/** One edit of every op, each on its own objects. */
const EXAMPLES: Record<ScenarioEdit['op'], ScenarioEdit> = {
  assign: { op: 'assign', unitIds: ['u1', 'u2'], communityId: 'c1' },
  redraw: { op: 'redraw', communityId: 'c2', outline: square, outsideTo: 'c3' },
  split: { op: 'split', communityId: 'c4', line, newCommunity: { id: 'c4b', name: '新社区' } },
  merge: { op: 'merge', communityIds: ['c5', 'c6'], into: 'c5' },
  create: {
    op: 'create',
    community: { id: 'c7', name: '新建', type: 'urban', streetId: 's1' },
    unitIds: ['u7'],
  },
  update: { op: 'update', communityId: 'c8', changes: { name: '改名' } },
  'convert-village': { op: 'convert-village', communityId: 'v1', to: 'rural' },
  'add-facility': {
    op: 'add-facility',
    facility: { id: 'f-new', name: '幼儿园', category: 'kindergarten', position: [1, 1] },
  },
  'move-facility': { op: 'move-facility', facilityId: 'f1', position: [2, 2] },
  'update-facility': { op: 'update-facility', facilityId: 'f2', changes: { capacity: 90 } },
  'remove-facility': { op: 'remove-facility', facilityId: 'f3' },
  'add-path': { op: 'add-path', id: 'p-new', line },
  'close-path': { op: 'close-path', edgeIds: [17, 'p-old'] },
};

const save = (version: number, author: string, edits: ScenarioEdit[]): OtherSave => ({
  version,
  author,
  createdAt: `2026-12-07T03:0${version}:00.000Z`,
  edits,
});

describe('editTouches', () => {
  it('names what every op touches', () => {
    const flat = (edit: ScenarioEdit) => {
      const touch = editTouches(edit);
      return Object.fromEntries(
        Object.entries(touch)
          .filter(([, ids]) => (ids as Set<string>).size > 0)
          .map(([kind, ids]) => [kind, [...(ids as Set<string>)]]),
      );
    };
    expect(Object.keys(EXAMPLES)).toEqual(EDIT_OPS);
    expect(flat(EXAMPLES.assign)).toEqual({ units: ['u1', 'u2'], joinedCommunities: ['c1'] });
    expect(flat(EXAMPLES.redraw)).toEqual({ shapedCommunities: ['c2'], joinedCommunities: ['c3'] });
    expect(flat(EXAMPLES.split)).toEqual({ shapedCommunities: ['c4', 'c4b'] });
    expect(flat(EXAMPLES.merge)).toEqual({ shapedCommunities: ['c5', 'c6'] });
    expect(flat(EXAMPLES.create)).toEqual({ units: ['u7'], shapedCommunities: ['c7'] });
    expect(flat(EXAMPLES.update)).toEqual({ shapedCommunities: ['c8'] });
    expect(flat(EXAMPLES['convert-village'])).toEqual({ shapedCommunities: ['v1'] });
    expect(flat(EXAMPLES['add-facility'])).toEqual({ facilities: ['f-new'] });
    expect(flat(EXAMPLES['move-facility'])).toEqual({ facilities: ['f1'] });
    expect(flat(EXAMPLES['update-facility'])).toEqual({ facilities: ['f2'] });
    expect(flat(EXAMPLES['remove-facility'])).toEqual({ facilities: ['f3'] });
    expect(flat(EXAMPLES['add-path'])).toEqual({ paths: ['p-new'] });
    expect(flat(EXAMPLES['close-path'])).toEqual({ paths: ['p-old'], edges: ['17'] });
  });

  it('touches nothing new for an added facility, path or community the server will name', () => {
    const touch = editTouches({
      op: 'add-facility',
      facility: { name: '卫生站', category: 'nursery', position: [0, 0] },
    });
    expect(touch.facilities.size).toBe(0);
    expect(editTouches({ op: 'add-path', line }).paths.size).toBe(0);
  });
});

describe('collidingObjects', () => {
  const touches = (edit: ScenarioEdit) => editTouches(edit);

  it('lets the edits of different objects through, whatever their op', () => {
    const edits = Object.values(EXAMPLES);
    for (const [i, a] of edits.entries())
      for (const [j, b] of edits.entries())
        if (i !== j) expect(collidingObjects(touches(a), touches(b)), `${a.op} × ${b.op}`).toEqual([]);
  });

  it('collides every edit with itself (the same objects touched by both)', () => {
    for (const edit of Object.values(EXAMPLES))
      expect(collidingObjects(touches(edit), touches(edit)).length, edit.op).toBeGreaterThan(0);
  });

  it('lets two moves of different units into one community through, not of the same unit', () => {
    const mine: ScenarioEdit = { op: 'assign', unitIds: ['u3'], communityId: 'c1' };
    expect(collidingObjects(touches(mine), touches(EXAMPLES.assign))).toEqual([]);
    const same: ScenarioEdit = { op: 'assign', unitIds: ['u2'], communityId: 'c9' };
    expect(collidingObjects(touches(same), touches(EXAMPLES.assign))).toEqual([{ kind: 'unit', id: 'u2' }]);
  });

  it('collides a move into a community with its rename, merge, redraw, split or conversion', () => {
    const into = (communityId: string): ScenarioEdit => ({ op: 'assign', unitIds: ['u9'], communityId });
    for (const [edit, id] of [
      [EXAMPLES.update, 'c8'],
      [EXAMPLES.merge, 'c6'],
      [EXAMPLES.redraw, 'c2'],
      [EXAMPLES.split, 'c4'],
      [EXAMPLES['convert-village'], 'v1'],
    ] as const) {
      expect(collidingObjects(touches(into(id)), touches(edit)), edit.op).toEqual([
        { kind: 'community', id },
      ]);
      expect(collidingObjects(touches(edit), touches(into(id))), edit.op).toEqual([
        { kind: 'community', id },
      ]);
    }
  });

  it('collides two changes of one community or facility whatever they change', () => {
    const staff: ScenarioEdit = { op: 'update', communityId: 'c8', changes: { staff: 12 } };
    expect(collidingObjects(touches(staff), touches(EXAMPLES.update))).toEqual([
      { kind: 'community', id: 'c8' },
    ]);
    const moved: ScenarioEdit = { op: 'move-facility', facilityId: 'f2', position: [3, 3] };
    expect(collidingObjects(touches(moved), touches(EXAMPLES['update-facility']))).toEqual([
      { kind: 'facility', id: 'f2' },
    ]);
    const closed: ScenarioEdit = { op: 'close-path', edgeIds: [17] };
    expect(collidingObjects(touches(closed), touches(EXAMPLES['close-path']))).toEqual([
      { kind: 'edge', id: '17' },
    ]);
  });
});

describe('findSaveConflicts', () => {
  const pending: ScenarioEdit[] = [
    { op: 'assign', unitIds: ['u3'], communityId: 'c1' },
    { op: 'update', communityId: 'c8', changes: { staff: 12 } },
    { op: 'update-facility', facilityId: 'f2', changes: { name: '新名' } },
  ];

  it('finds none when the saves since touched other objects, and ignores saves up to the base', () => {
    const saves = [save(2, 'zhang', [EXAMPLES.update]), save(3, 'li', [EXAMPLES.assign])];
    expect(findSaveConflicts(pending, saves, 2)).toEqual([]);
  });

  it('names each colliding pending edit with the saves, authors and objects it collides with', () => {
    const saves = [
      save(4, 'li', [EXAMPLES['update-facility'], EXAMPLES.update]),
      save(3, 'zhang', [EXAMPLES.update]),
      save(2, 'wang', [EXAMPLES.assign]),
    ];
    expect(findSaveConflicts(pending, saves, 2)).toEqual([
      {
        index: 1,
        saves: [
          {
            version: 3,
            author: 'zhang',
            createdAt: saves[1].createdAt,
            objects: [{ kind: 'community', id: 'c8' }],
          },
          {
            version: 4,
            author: 'li',
            createdAt: saves[0].createdAt,
            objects: [{ kind: 'community', id: 'c8' }],
          },
        ],
      },
      {
        index: 2,
        saves: [
          {
            version: 4,
            author: 'li',
            createdAt: saves[0].createdAt,
            objects: [{ kind: 'facility', id: 'f2' }],
          },
        ],
      },
    ]);
  });

  it('adds an edit the replay refused as colliding with every save since the base', () => {
    const saves = [save(3, 'zhang', [EXAMPLES.merge]), save(2, 'wang', [EXAMPLES.assign])];
    const refused = withRefusedEdit([], 0, saves, 1);
    expect(refused).toEqual([
      {
        index: 0,
        saves: [
          { version: 2, author: 'wang', createdAt: saves[1].createdAt, objects: [] },
          { version: 3, author: 'zhang', createdAt: saves[0].createdAt, objects: [] },
        ],
      },
    ]);
    expect(withRefusedEdit(refused, 0, saves, 1)).toEqual(refused);
  });
});

import { describe, expect, it } from 'vitest';
import { NO_SURVEYED_FIGURES } from '../standards/community-figures.js';
import { restoreEdits, type PlainScenarioState } from './restore-edits.js';
import type { CommunityRecord } from './scenario-evaluator.js';
import { NO_LAYER_CHANGES, scenarioLayers, type FacilityRecord } from './scenario-layers.js';

const community = (id: string, extra: Partial<CommunityRecord> = {}): CommunityRecord => ({
  id,
  name: `社区 ${id}`,
  nameEn: null,
  type: 'urban',
  streetId: 's1',
  isTownshipSeat: false,
  ...NO_SURVEYED_FIGURES,
  ...extra,
});
const UNITS = ['u1', 'u2', 'u3', 'u4'];
const kindergarten: FacilityRecord = {
  id: 'f-1',
  name: '一幼',
  category: 'kindergarten',
  position: [109.7, 28.3],
  floorAreaSquareMeters: null,
  landAreaSquareMeters: null,
  capacity: 90,
};
const REGION_FACILITIES = new Map([[kindergarten.id, kindergarten]]);

describe('the edits that restore an earlier state', () => {
  it('brings back a merged community under its id, with its units and attributes', () => {
    const merged: PlainScenarioState = {
      communities: [community('A', { staff: 9 })],
      assignment: ['A', 'A', 'A', 'A'],
      layers: NO_LAYER_CHANGES,
    };
    const before: PlainScenarioState = {
      communities: [community('A'), community('B', { staff: 3 })],
      assignment: ['A', 'A', 'B', 'B'],
      layers: NO_LAYER_CHANGES,
    };
    const { edits, gaps } = restoreEdits(UNITS, merged, before, REGION_FACILITIES);
    expect(gaps).toEqual([]);
    expect(edits).toEqual([
      {
        op: 'create',
        community: expect.objectContaining({
          id: 'B',
          name: '社区 B',
          type: 'urban',
          streetId: 's1',
          staff: 3,
        }),
        unitIds: ['u3', 'u4'],
        dissolve: true,
      },
      { op: 'update', communityId: 'A', changes: { staff: null } },
    ]);
  });

  it('lets a community that keeps none of its units receive them before any other moves', () => {
    const current: PlainScenarioState = {
      communities: [community('A'), community('B')],
      assignment: ['A', 'A', 'B', 'B'],
      layers: NO_LAYER_CHANGES,
    };
    const target: PlainScenarioState = { ...current, assignment: ['A', 'B', 'A', 'A'] };
    const { edits } = restoreEdits(UNITS, current, target, REGION_FACILITIES);
    // B keeps none of u3, u4: it takes u2 first, so A taking u3 and u4 leaves it one.
    expect(edits).toEqual([
      { op: 'assign', unitIds: ['u2'], communityId: 'B', dissolve: true },
      { op: 'assign', unitIds: ['u3', 'u4'], communityId: 'A', dissolve: true },
    ]);
  });

  it('puts facilities and paths back as they were, and names what edits cannot', () => {
    const moved = { ...kindergarten, position: [109.71, 28.31] as [number, number] };
    const added = { ...kindergarten, id: 'f-new', name: '新幼儿园' };
    const path = {
      id: 'p-1',
      name: null,
      coordinates: [
        [109.7, 28.3],
        [109.71, 28.3],
      ] as [number, number][],
    };
    const current: PlainScenarioState = {
      communities: [community('A')],
      assignment: ['A', 'A', 'A', 'A'],
      layers: scenarioLayers(
        new Map([
          ['f-1', moved],
          ['f-new', added],
        ]),
        [path],
        [17],
      ),
    };
    const target: PlainScenarioState = { ...current, layers: NO_LAYER_CHANGES };
    const { edits, gaps } = restoreEdits(UNITS, current, target, REGION_FACILITIES);
    expect(edits).toEqual([
      { op: 'move-facility', facilityId: 'f-1', position: [109.7, 28.3] },
      { op: 'remove-facility', facilityId: 'f-new' },
      { op: 'close-path', edgeIds: ['p-1'] },
    ]);
    expect(gaps).toEqual([{ kind: 'edge-closed', id: 17 }]);
    // The other way: the kindergarten removed from the region cannot come back by an edit.
    const removed: PlainScenarioState = {
      ...current,
      layers: scenarioLayers(new Map([['f-1', null]]), [], []),
    };
    expect(restoreEdits(UNITS, removed, target, REGION_FACILITIES).gaps).toEqual([
      { kind: 'facility-removed', id: 'f-1' },
    ]);
    expect(restoreEdits(UNITS, target, current, REGION_FACILITIES).edits).toEqual([
      { op: 'move-facility', facilityId: 'f-1', position: [109.71, 28.31] },
      { op: 'add-facility', facility: { ...added, position: [109.7, 28.3] } },
      { op: 'add-path', id: 'p-1', line: { type: 'LineString', coordinates: path.coordinates } },
      { op: 'close-path', edgeIds: [17] },
    ]);
  });
});

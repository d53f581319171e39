/**
 * The session's facility and path edits over the scenario's layers: placed, moved, changed and
 * removed facilities and added and closed paths as pending edits with undo and redo, refused as
 * the server's draft refuses them, and the saved layers read back from the API's answers.
 */
import { describe, expect, it } from 'vitest';
import { NO_SURVEYED_FIGURES } from '../../../../core/standards/community-figures';
import type {
  FacilityFeature,
  NetworkFeature,
  Position,
  ScenarioFacilitiesAnswer,
  ScenarioPathsAnswer,
  UnitAdjacencyAnswer,
  UnitFeature,
} from '../../lib/api-types';
import { judgedWithOf } from '../standards/result-fixtures.test-support';
import { decodeRegionUnits, decodeScenarioState } from './evaluator-input';
import {
  decodeScenarioLayers,
  facilityFeaturesOf,
  layerEditRows,
  scenarioFacilityRows,
  sessionLayersOf,
} from './scenario-layer-state';
import { ScenarioSession } from './scenario-session';
import { buildUnitIndex } from './unit-index';
import { NO_LAYER_CHANGES } from '../../../../core/scenario/scenario-layers';

const UNIT_IDS = ['u0', 'u1'];

function unitFeature(index: number): UnitFeature {
  const ring: Position[] = [
    [index, 0],
    [index + 1, 0],
    [index + 1, 1],
    [index, 1],
    [index, 0],
  ];
  return {
    type: 'Feature',
    id: UNIT_IDS[index],
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    properties: {
      id: UNIT_IDS[index],
      name: UNIT_IDS[index],
      kind: 'block',
      communityId: '',
      communityName: '',
      residents: 100,
      households: 25,
      elderly: 0,
      children: 0,
      accessPoint: [index, 0],
      estimated: false,
    },
  };
}

function regionFacility(id: string, category: 'kindergarten' | 'park', position: Position): FacilityFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: position },
    properties: {
      id,
      name: `${id} name`,
      category,
      communityId: 'A',
      communityName: 'A',
      floorAreaSquareMeters: 800,
      landAreaSquareMeters: null,
      capacity: 90,
    },
  };
}

function edge(id: number, line: Position[]): NetworkFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'LineString', coordinates: line },
    properties: { id, source: id, target: id + 1, lengthMeters: 100, class: 'street', bridge: false },
  };
}

const FACILITIES = [
  regionFacility('k1', 'kindergarten', [0.5, 0.5]),
  regionFacility('p1', 'park', [1.5, 0.5]),
];
const NETWORK = [
  edge(7, [
    [0, 0],
    [2, 0],
  ]),
  edge(8, [
    [0, 1],
    [2, 1],
  ]),
];

function adjacency(): UnitAdjacencyAnswer {
  return {
    regionId: 'r',
    metricSrid: 4546,
    unitIds: UNIT_IDS,
    residents: [100, 100],
    households: [25, 25],
    elderly: [0, 0],
    children: [0, 0],
    areaSquareMeters: [100, 100],
    perimeterMeters: [40, 40],
    unitA: [0],
    unitB: [1],
    sharedMeters: [10],
    baselineCommunityIds: ['A', 'A'],
    facilities: [],
    streets: [{ id: 's1', name: '一街道', kind: 'street' }],
    reach: null,
    judgedWith: judgedWithOf('leshan'),
  };
}

function session(saved = NO_LAYER_CHANGES) {
  const region = decodeRegionUnits(adjacency());
  const state = decodeScenarioState(
    {
      id: 's',
      regionId: 'r',
      version: 1,
      communities: [
        {
          id: 'A',
          name: 'A',
          nameEn: null,
          type: 'urban',
          streetId: 's1',
          ...NO_SURVEYED_FIGURES,
          isTownshipSeat: false,
        },
      ],
      assignment: [0, 0],
    },
    UNIT_IDS.length,
  );
  const units = buildUnitIndex(UNIT_IDS, [unitFeature(0), unitFeature(1)]);
  return new ScenarioSession(region, state, units, sessionLayersOf(FACILITIES, NETWORK, saved));
}

describe('a session’s facility and path edits', () => {
  it('places, moves, changes and removes facilities as pending edits, with undo and redo', () => {
    const s = session();
    const placed = s.addFacility({
      name: '滨江幼儿园',
      category: 'kindergarten',
      position: [1.2, 0.4],
      capacity: 180,
    });
    expect(placed.ok).toBe(true);
    const id = placed.ok ? placed.createdId! : '';
    expect(id).toMatch(/^f-[0-9a-f]{8}$/);
    expect(s.facility(id)).toMatchObject({ name: '滨江幼儿园', position: [1.2, 0.4], capacity: 180 });
    expect(s.moveFacility('k1', [0.7, 0.6]).ok).toBe(true);
    expect(s.updateFacility('p1', { name: '滨江公园' }).ok).toBe(true);
    expect(s.updateFacility('p1', {})).toMatchObject({ ok: false, reason: 'nothing-changed' });
    expect(s.removeFacility('p1').ok).toBe(true);
    expect(s.moveFacility('nowhere', [0, 0])).toMatchObject({ ok: false, reason: 'unknown-facility' });
    expect(s.pendingEdits().map((entry) => entry.edit.op)).toEqual([
      'add-facility',
      'move-facility',
      'update-facility',
      'remove-facility',
    ]);
    // The save sends the id the map shows.
    expect(s.pendingEdits()[0].edit).toMatchObject({ op: 'add-facility', facility: { id } });

    const rows = scenarioFacilityRows(s.layerContext.regionFacilities, s.layers);
    expect(rows.map((row) => [row.facility.id, row.change])).toEqual([
      ['k1', 'moved'],
      [id, 'added'],
      ['p1', 'removed'],
    ]);
    expect(rows[0].from).toEqual([0.5, 0.5]);
    expect(facilityFeaturesOf(rows).map((feature) => feature.properties.id)).toEqual(['k1', id]);
    expect(s.facilityName('p1')).toBe('p1 name');

    expect(s.undo()).toBe(true);
    expect(s.facility('p1')?.name).toBe('滨江公园');
    expect(s.undo()).toBe(true);
    expect(s.undo()).toBe(true);
    expect(s.facility('k1')?.position).toEqual([0.5, 0.5]);
    expect(s.undo()).toBe(true);
    expect(s.facility(id)).toBeNull();
    expect(s.layers).toBe(NO_LAYER_CHANGES);
    expect(s.redo()).toBe(true);
    expect(s.facility(id)?.name).toBe('滨江幼儿园');
    expect(s.facilityName(id)).toBe('滨江幼儿园');
  });

  it('adds paths and closes network edges, and refuses an edge the network does not have', () => {
    const s = session();
    const added = s.addPath(
      [
        [0.5, 0],
        [0.5, 1],
      ],
      '连廊',
    );
    expect(added.ok).toBe(true);
    const pathId = added.ok ? added.createdId! : '';
    expect(s.closePaths([8]).ok).toBe(true);
    expect(s.closePaths([99])).toMatchObject({ ok: false, reason: 'unknown-edge' });
    expect(s.addPath([[0, 0]])).toMatchObject({ ok: false, reason: 'line-too-short' });
    expect(s.layers.paths.added.map((path) => path.id)).toEqual([pathId]);
    expect(s.layers.paths.closedEdgeIds).toEqual([8]);
    const { paths } = layerEditRows([], s.layers, s.layerContext.edgeLines);
    expect(paths.map((row) => [row.id, row.change])).toEqual([
      [pathId, 'added'],
      [8, 'closed'],
    ]);
    // Closing a path the scenario added removes it.
    expect(s.closePaths([pathId]).ok).toBe(true);
    expect(s.layers.paths.added).toEqual([]);
    s.undo();
    expect(s.layers.paths.added.map((path) => path.id)).toEqual([pathId]);
  });

  it('starts from the saved scenario’s facilities and paths as the API answers them', () => {
    const facilities: ScenarioFacilitiesAnswer = {
      type: 'FeatureCollection',
      scenario: { id: 's', regionId: 'r', version: 3 },
      removedFacilityIds: ['p1'],
      features: [
        {
          type: 'Feature',
          id: 'k1',
          geometry: { type: 'Point', coordinates: [0.5, 0.5] },
          properties: {
            id: 'k1',
            name: 'k1 name',
            category: 'kindergarten',
            communityId: 'A',
            floorAreaSquareMeters: 800,
            landAreaSquareMeters: null,
            capacity: 90,
            change: null,
          },
        },
        {
          type: 'Feature',
          id: 'f-1',
          geometry: { type: 'Point', coordinates: [1.1, 0.9] },
          properties: {
            id: 'f-1',
            name: '新园',
            category: 'kindergarten',
            communityId: 'A',
            floorAreaSquareMeters: null,
            landAreaSquareMeters: null,
            capacity: null,
            change: 'added',
          },
        },
      ],
    };
    const paths: ScenarioPathsAnswer = {
      type: 'FeatureCollection',
      scenario: { id: 's', regionId: 'r', version: 3 },
      features: [
        {
          type: 'Feature',
          id: 'p-1',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0.2, 0],
              [0.2, 1],
            ],
          },
          properties: { id: 'p-1', change: 'added', name: null, class: 'footway', lengthMeters: 110 },
        },
        {
          type: 'Feature',
          id: 7,
          geometry: { type: 'LineString', coordinates: NETWORK[0].geometry.coordinates },
          properties: { id: 7, change: 'closed', name: null, class: 'street', lengthMeters: 100 },
        },
      ],
    };
    const saved = decodeScenarioLayers(facilities, paths);
    expect([...saved.facilities.changed.keys()].sort()).toEqual(['f-1', 'p1']);
    expect(saved.facilities.changed.get('p1')).toBeNull();
    expect(saved.paths.closedEdgeIds).toEqual([7]);
    expect(() =>
      decodeScenarioLayers(facilities, { ...paths, scenario: { ...paths.scenario, version: 2 } }),
    ).toThrow(/version/);

    const s = session(saved);
    expect(s.facility('p1')).toBeNull();
    expect(s.removeFacility('p1')).toMatchObject({ ok: false, reason: 'unknown-facility' });
    expect(s.moveFacility('f-1', [1.3, 0.3]).ok).toBe(true);
    expect(s.closePaths([7]).ok).toBe(true);
    s.undo();
    s.undo();
    // Undone back to the saved layers, not to the region's.
    expect(s.layers).toBe(saved);
  });
});

import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../geometry/haversine.js';
import {
  extractResidentialBuildings,
  nonResidentialReason,
  parseFloors,
  RESIDENTIAL_BUILDING_FLOORS,
} from './buildings.js';
import { documentOf, squareNodes } from './test-documents.js';

describe('extractResidentialBuildings', () => {
  const document = documentOf({
    nodes: [
      ...squareNodes(0, 0, 0),
      ...squareNodes(10, 2, 0),
      ...squareNodes(20, 4, 0),
      [31, 8, 8, { building: 'yes' }],
    ],
    ways: [
      [100, [1, 2, 3, 4, 1], { building: 'apartments', 'building:levels': '12' }],
      [101, [11, 12, 13, 14, 11], { building: 'yes' }],
      [102, [21, 22, 23, 24, 21], { building: 'yes', amenity: 'school' }],
      [103, [1, 2, 3], { building: 'house' }],
      [104, [11, 12, 13, 14, 11], { building: 'industrial' }],
    ],
  });
  // A lattice square's area on the sphere; footprints are measured on the ellipsoid, ~0.2 % apart here.
  const squareMeters =
    haversineDistanceMeters([117, 28.0005], [117.001, 28.0005]) *
    haversineDistanceMeters([117, 28], [117, 28.001]);

  it('estimates residents as footprint × floors × persons per m², floors tagged or by type', () => {
    const { buildings } = extractResidentialBuildings(document, {
      personsPerSquareMeter: 0.025,
      defaultFloors: null,
    });
    expect(buildings.map((building) => [building.element, building.floors, building.floorsTagged])).toEqual([
      ['way 100', 12, true],
      ['way 101', RESIDENTIAL_BUILDING_FLOORS.yes, false],
    ]);
    expect(buildings[0].residents / (squareMeters * 12 * 0.025)).toBeCloseTo(1, 2);
    expect(buildings[1].residents / (squareMeters * 3 * 0.025)).toBeCloseTo(1, 2);
    expect(buildings[0].residents / buildings[1].residents).toBeCloseTo(4, 9);
  });

  it('uses one floor count for every untagged building when told to', () => {
    const { buildings } = extractResidentialBuildings(document, {
      personsPerSquareMeter: 0.02,
      defaultFloors: 5,
    });
    expect(buildings.map((building) => building.floors)).toEqual([12, 5]);
  });

  it('says why each other building does not count', () => {
    const { skipped } = extractResidentialBuildings(document, {
      personsPerSquareMeter: 0.025,
      defaultFloors: null,
    });
    expect(skipped).toEqual({
      'building=yes with amenity=school (not residential)': { count: 1, examples: ['way 102'] },
      'no footprint: no closed ring (an open way)': { count: 1, examples: ['way 103'] },
      'building=industrial (not residential)': { count: 1, examples: ['way 104'] },
      'no footprint: a node, not an outline': { count: 1, examples: ['node 31'] },
    });
  });

  it('refuses a negative density', () => {
    expect(() =>
      extractResidentialBuildings(document, { personsPerSquareMeter: -1, defaultFloors: null }),
    ).toThrow(RangeError);
  });
});

describe('parseFloors and nonResidentialReason', () => {
  it('reads the first number of building:levels and ignores nonsense', () => {
    expect(parseFloors('6')).toBe(6);
    expect(parseFloors('5.5')).toBe(5.5);
    expect(parseFloors('6;7')).toBe(6);
    expect(parseFloors('0')).toBeNull();
    expect(parseFloors('many')).toBeNull();
    expect(parseFloors('3000')).toBeNull();
    expect(parseFloors(undefined)).toBeNull();
  });

  it('takes homes as homes', () => {
    expect(nonResidentialReason({ building: 'dormitory' })).toBeNull();
    expect(nonResidentialReason({ building: 'train_station' })).toBe(
      'building=train_station (not residential)',
    );
  });
});

import type { RegionLayer } from '../../core/region/region-files.js';

/** Degrees per cell of the tiny region (~100 m). */
const CELL_DEGREES = 0.001;
const ORIGIN: [number, number] = [109.7, 28.3];

const corner = (column: number, row: number): [number, number] => [
  Number((ORIGIN[0] + column * CELL_DEGREES).toFixed(6)),
  Number((ORIGIN[1] + row * CELL_DEGREES).toFixed(6)),
];
const square = (column: number, row: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      corner(column, row),
      corner(column + 1, row),
      corner(column + 1, row + 1),
      corner(column, row + 1),
      corner(column, row),
    ],
  ],
});

/**
 * A region small enough to reason about by hand: one street of 2 × 2 cells, community c-west
 * (units u-1, u-2) and c-east (u-3, u-4), two facilities, a 3 × 3 node lattice of edges and a pond.
 * Returns fresh objects each call, so a test may break one without touching the others.
 */
export function tinyRegion(id = 'tiny') {
  const meta = {
    id,
    name: '小测试区',
    nameEn: 'Tiny test region',
    synthetic: true,
    metricSrid: 4546,
    attribution: null,
  };
  const unit = (unitId: string, communityId: string, column: number, row: number, residents: number) => ({
    type: 'Feature',
    geometry: square(column, row),
    properties: {
      id: unitId,
      name: `${unitId} 小区`,
      kind: 'estate',
      communityId,
      residents,
      households: Math.round(residents / 3),
      elderly: Math.round(residents * 0.2),
      children: Math.round(residents * 0.1),
      accessPoint: corner(column + 0.5, row),
    },
  });
  const community = (
    communityId: string,
    name: string,
    columns: number,
    residents: number,
    households: number,
  ) => ({
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          corner(columns, 0),
          corner(columns + 1, 0),
          corner(columns + 1, 2),
          corner(columns, 2),
          corner(columns, 0),
        ],
      ],
    },
    properties: {
      id: communityId,
      name,
      nameEn: null,
      type: 'urban',
      streetId: 's-1',
      residents,
      households,
      serviceFloorAreaSquareMeters: 650,
      staff: 6,
      socialWorkers: 3,
      grids: 2,
      gridWorkers: 2,
      agriculturalLandShare: null,
      developmentProgress: null,
      isTownshipSeat: false,
    },
  });
  let edgeId = 0;
  const nodeId = (column: number, row: number) => row * 3 + column;
  const edges: unknown[] = [];
  for (let row = 0; row < 3; row += 1) {
    for (let column = 0; column < 3; column += 1) {
      const neighbours: [number, number][] = [
        [column + 1, row],
        [column, row + 1],
      ];
      for (const [toColumn, toRow] of neighbours) {
        if (toColumn > 2 || toRow > 2) continue;
        edges.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: [corner(column, row), corner(toColumn, toRow)] },
          properties: {
            id: edgeId++,
            source: nodeId(column, row),
            target: nodeId(toColumn, toRow),
            lengthMeters: toRow === row ? 97.97 : 110.57,
            class: 'street',
            bridge: false,
          },
        });
      }
    }
  }
  const layers: Record<RegionLayer, { type: 'FeatureCollection'; features: any[] }> = {
    streets: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [[corner(0, 0), corner(2, 0), corner(2, 2), corner(0, 2), corner(0, 0)]],
          },
          properties: { id: 's-1', name: '测试街道', nameEn: 'Test street', kind: 'street' },
        },
      ],
    },
    communities: {
      type: 'FeatureCollection',
      features: [community('c-west', '西社区', 0, 300, 100), community('c-east', '东社区', 1, 700, 233)],
    },
    units: {
      type: 'FeatureCollection',
      features: [
        unit('u-1', 'c-west', 0, 0, 100),
        unit('u-2', 'c-west', 0, 1, 200),
        unit('u-3', 'c-east', 1, 0, 300),
        unit('u-4', 'c-east', 1, 1, 400),
      ],
    },
    facilities: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: corner(0.5, 0.5) },
          properties: {
            id: 'f-1',
            name: '西社区服务站',
            category: 'service_station',
            communityId: 'c-west',
            floorAreaSquareMeters: 650,
            capacity: null,
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: corner(1.5, 1.5) },
          properties: {
            id: 'f-2',
            name: '东幼儿园',
            category: 'kindergarten',
            communityId: 'c-east',
            floorAreaSquareMeters: 1200,
            capacity: 180,
          },
        },
      ],
    },
    network: { type: 'FeatureCollection', features: edges },
    water: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: square(3, 0), properties: { id: 'w-1', name: '小池塘', kind: 'pond' } },
      ],
    },
  };
  return { meta, layers };
}

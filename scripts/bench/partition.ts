/**
 * Partition proposals benchmark (issue 11): figures printed, nothing asserted.
 *
 *   npm run bench:partition                    # demo region at --scale 20, no database
 *   npm run bench:partition -- --scale 5       # another size
 *
 * Picks the street with the most units; when it has fewer than 2 000, merges into it the street
 * that shares the longest boundary with it (and so on) and says so — the demo's streets are copies
 * of the 4 streets of the town, the largest with 1 928 units. Units' areas, perimeters and
 * adjacency come from their polygons in core/ (spherical areas, shared edges), as a database-free
 * caller would have them; facilities are placed in the unit their point lies in. Then 5 proposals
 * under the Leshan profile (the one with urban and fringe size bands), once without and once with
 * "every community holds a service station": the time of the first call (code still compiling) and
 * of a repeated one (as a running server answers).
 */

import os from 'node:os';
import type { Position } from '../../core/geometry/position.js';
import { pointInPolygon } from '../../core/geometry/point-in-ring.js';
import type { PartitionInput } from '../../core/partition/partition-input.js';
import {
  proposePartitions,
  type PartitionOptions,
  type PartitionProposals,
} from '../../core/partition/propose-partitions.js';
import { unitGeometryFromPolygons, type UnitPolygonCoordinates } from '../../core/partition/unit-geometry.js';
import type {
  CommunityRecord,
  ScenarioFacility,
  ScenarioUnit,
} from '../../core/scenario/scenario-evaluator.js';
import { surveyedFiguresOf, type SurveyedFigures } from '../../core/standards/community-figures.js';
import type { CommunityTypeId } from '../../core/standards/community-types.js';
import { parseScaleArgument } from './bench-support.js';
import { demoRegionFiles } from './demo-region-layers.js';

const MIN_UNITS = 2000;
const PROPOSALS = 5;
const PROFILE = 'leshan' as const;

interface Feature<P, G> {
  properties: P;
  geometry: G;
}
type UnitFeature = Feature<
  {
    id: string;
    communityId: string;
    residents: number;
    households: number;
    elderly: number;
    children: number;
  },
  UnitPolygonCoordinates
>;
type CommunityFeature = Feature<
  Record<string, unknown> & { id: string; streetId: string; type: string },
  unknown
>;
type FacilityFeature = Feature<
  { id: string; category: string; floorAreaSquareMeters: number | null },
  { type: 'Point'; coordinates: Position }
>;

const since = (start: number) => performance.now() - start;
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const count = (value: number) => Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');

/** The bbox of a polygon's outer rings, [west, south, east, north]. */
function bboxOf(geometry: UnitPolygonCoordinates): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const [x, y] of polygon[0]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  return box;
}

function containsPoint(geometry: UnitPolygonCoordinates, point: Position): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((polygon) => pointInPolygon(point, polygon));
}

function report(
  label: string,
  result: ReturnType<typeof proposePartitions>,
  coldMilliseconds: number,
  warmMilliseconds: number,
): void {
  console.log(
    `\n${label}: ${fixed(coldMilliseconds / 1000)} s first call, ${fixed(warmMilliseconds / 1000)} s repeated`,
  );
  if (!result.ok) {
    console.log(`  refused: ${result.message}`);
    return;
  }
  const proposals: PartitionProposals = result;
  console.log(
    `  ${proposals.communityCount} communities (${proposals.countBasis}), ${proposals.attempts} search runs, ` +
      `band feasible: ${proposals.bandFeasible}, stations: ${proposals.stations.available} for ${proposals.stations.communities}`,
  );
  for (const band of proposals.bands) {
    const show = (range: { min: number | null; max: number | null } | null) =>
      range ? `${range.min}–${range.max}` : 'none';
    console.log(
      `  band ${band.type}: residents ${show(band.residents)}, households ${show(band.households)}`,
    );
  }
  for (const note of proposals.notes) console.log(`  note: ${note.en}`);
  console.log(
    '  rank  score  band-viol  band-excess  pop-dev  compact(PP)  min-PP  moved-units  no-station  diff-from-best  edits',
  );
  const today = proposals.current.parts;
  console.log(
    `  today ${fixed(proposals.current.score, 3).padStart(5)}  ${String(today.bandViolations).padStart(9)}  ` +
      `${fixed(today.bandExcess, 3).padStart(11)}  ${fixed(today.populationDeviation, 3).padStart(7)}  ` +
      `${fixed(today.compactness, 3).padStart(11)}  ${'–'.padStart(6)}  ${String(today.movedUnits).padStart(11)}`,
  );
  for (const proposal of proposals.proposals) {
    const drawn = proposal.communities.filter((community) => !community.kept);
    const parts = proposal.scoreParts;
    const minPolsbyPopper = Math.min(...drawn.map((community) => community.polsbyPopper ?? 0));
    console.log(
      `  ${String(proposal.rank).padStart(4)}  ${fixed(proposal.score, 3).padStart(5)}  ${String(parts.bandViolations).padStart(9)}  ` +
        `${fixed(parts.bandExcess, 3).padStart(11)}  ${fixed(parts.populationDeviation, 3).padStart(7)}  ` +
        `${fixed(parts.compactness, 3).padStart(11)}  ${fixed(minPolsbyPopper, 3).padStart(6)}  ` +
        `${String(parts.movedUnits).padStart(11)}  ${String(drawn.filter((community) => community.needsStation).length).padStart(10)}  ` +
        `${fixed(proposal.differenceFromBest, 3).padStart(14)}  ${proposal.edits.length} (${proposal.edits.map((edit) => edit.op).join(', ')})`,
    );
  }
  const best = proposals.proposals[0];
  if (best) {
    console.log('  best proposal, community by community:');
    for (const community of best.communities) {
      console.log(
        `    ${community.communityId.padEnd(22)} ${community.type.padEnd(9)} ${String(community.unitCount).padStart(4)} units  ` +
          `${count(community.residents).padStart(6)} residents  ${count(community.households).padStart(5)} households  ` +
          `PP ${fixed(community.polsbyPopper ?? 0)}  parts ${community.parts}  band ${community.bandStatus.padEnd(7)}  ` +
          `stations ${community.stationIds.length}  moved in ${community.unitsMovedIn}`,
      );
    }
  }
}

async function main(): Promise<void> {
  const { scale } = parseScaleArgument(process.argv.slice(2));
  console.log(
    `Partition proposals benchmark — demo region at --scale ${scale} (Node ${process.version}, ${os.cpus().length} cores)`,
  );
  const files = await demoRegionFiles(scale);
  const units = (JSON.parse(files['units.geojson']) as { features: UnitFeature[] }).features;
  const communities = (JSON.parse(files['communities.geojson']) as { features: CommunityFeature[] }).features;
  const facilities = (JSON.parse(files['facilities.geojson']) as { features: FacilityFeature[] }).features;
  const streetOfCommunity = new Map(
    communities.map((feature) => [feature.properties.id, feature.properties.streetId]),
  );
  console.log(`${units.length} units, ${communities.length} communities, ${facilities.length} facilities`);

  // Adjacency of the whole region's units, to find which streets border which.
  let start = performance.now();
  const region = unitGeometryFromPolygons(units.map((feature) => feature.geometry));
  console.log(
    `unit areas, perimeters and adjacency from polygons (core/partition/unit-geometry.ts): ${fixed(since(start), 0)} ms, ${region.adjacency.unitA.length} adjacent pairs`,
  );
  const streetOfUnit = units.map((feature) => streetOfCommunity.get(feature.properties.communityId)!);
  const unitsByStreet = new Map<string, number>();
  for (const street of streetOfUnit) unitsByStreet.set(street, (unitsByStreet.get(street) ?? 0) + 1);
  const largest = [...unitsByStreet].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const chosen = new Set([largest]);
  let chosenUnits = unitsByStreet.get(largest)!;
  while (chosenUnits < MIN_UNITS) {
    const border = new Map<string, number>();
    for (let pair = 0; pair < region.adjacency.unitA.length; pair += 1) {
      const [a, b] = [streetOfUnit[region.adjacency.unitA[pair]], streetOfUnit[region.adjacency.unitB[pair]]];
      if (chosen.has(a) === chosen.has(b)) continue;
      const other = chosen.has(a) ? b : a;
      border.set(other, (border.get(other) ?? 0) + region.adjacency.sharedMeters[pair]);
    }
    const next = [...border].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (!next) throw new Error(`no street borders ${[...chosen].join(', ')}`);
    chosen.add(next[0]);
    chosenUnits += unitsByStreet.get(next[0])!;
  }
  const streetId = [...chosen].join('+');
  console.log(
    chosen.size === 1
      ? `street ${streetId}: ${chosenUnits} units`
      : `the largest street, ${largest}, has ${unitsByStreet.get(largest)} units (< ${MIN_UNITS}): merged with the street(s) bordering it longest into one street "${streetId}" of ${chosenUnits} units`,
  );

  // The street's units, adjacency and facilities as a PartitionInput.
  const indexes = units.flatMap((_, u) => (chosen.has(streetOfUnit[u]) ? [u] : []));
  const streetUnits = indexes.map((u) => units[u]);
  const geometry = unitGeometryFromPolygons(streetUnits.map((feature) => feature.geometry));
  const scenarioUnits: ScenarioUnit[] = streetUnits.map((feature, k) => ({
    id: feature.properties.id,
    residents: feature.properties.residents,
    households: feature.properties.households,
    elderly: feature.properties.elderly,
    children: feature.properties.children,
    areaSquareMeters: geometry.areaSquareMeters[k],
    perimeterMeters: geometry.perimeterMeters[k],
  }));
  const records: CommunityRecord[] = communities
    .filter((feature) => chosen.has(feature.properties.streetId))
    .map((feature) => ({
      ...surveyedFiguresOf(feature.properties as Partial<SurveyedFigures>),
      id: feature.properties.id,
      name: String(feature.properties.name),
      nameEn: (feature.properties.nameEn as string | undefined) ?? null,
      type: feature.properties.type as CommunityTypeId,
      streetId,
      isTownshipSeat: Boolean(feature.properties.isTownshipSeat),
    }));
  const boxes = streetUnits.map((feature) => bboxOf(feature.geometry));
  const streetFacilities: ScenarioFacility[] = [];
  for (const feature of facilities) {
    const point = feature.geometry.coordinates;
    const k = boxes.findIndex(
      (box, unit) =>
        point[0] >= box[0] &&
        point[0] <= box[2] &&
        point[1] >= box[1] &&
        point[1] <= box[3] &&
        containsPoint(streetUnits[unit].geometry, point),
    );
    if (k < 0) continue;
    streetFacilities.push({
      id: feature.properties.id,
      category: feature.properties.category,
      unitId: scenarioUnits[k].id,
      floorAreaSquareMeters: feature.properties.floorAreaSquareMeters ?? null,
      landAreaSquareMeters: null,
      xMeters: null,
      yMeters: null,
    });
  }
  const input: PartitionInput = {
    streetId,
    units: scenarioUnits,
    adjacency: geometry.adjacency,
    communities: records,
    assignment: streetUnits.map((feature) => feature.properties.communityId),
    facilities: streetFacilities,
  };
  const stations = streetFacilities.filter((facility) => facility.category === 'service_station').length;
  const types = new Map<string, number>();
  for (const record of records) types.set(record.type, (types.get(record.type) ?? 0) + 1);
  console.log(
    `  ${records.length} communities (${[...types].map(([type, n]) => `${n} ${type}`).join(', ')}), ` +
      `${count(scenarioUnits.reduce((sum, unit) => sum + unit.residents, 0))} residents, ` +
      `${geometry.adjacency.unitA.length} adjacent pairs, ${streetFacilities.length} facilities (${stations} service stations)`,
  );

  const runs: [string, PartitionOptions][] = [
    [`${PROPOSALS} proposals, profile ${PROFILE}, current count`, { profile: PROFILE, proposals: PROPOSALS }],
    [
      `${PROPOSALS} proposals, profile ${PROFILE}, every community holding a service station`,
      { profile: PROFILE, proposals: PROPOSALS, stationsMustBeInside: true },
    ],
  ];
  for (const [label, options] of runs) {
    start = performance.now();
    const result = proposePartitions(input, options);
    const cold = since(start);
    // Again in the same process: the time a server answers in once the code is compiled.
    start = performance.now();
    proposePartitions(input, options);
    report(label, result, cold, since(start));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

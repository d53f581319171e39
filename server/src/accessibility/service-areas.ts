/**
 * Service areas of a category on the region's facilities (the baseline) or a scenario's own: each
 * unit to its nearest facility along the network (core/accessibility/service-areas.ts), the demand
 * group the category serves against each facility's capacity, and each area's polygon as the
 * union of its units (PostGIS). The export is the same, one row per facility.
 */

import type { z } from 'zod';
import type { ExportFormat } from '../../../contract/common.js';
import type { serviceAreasQuerySchema } from '../../../contract/service-areas.js';
import { defaultTierTable } from '../../../core/accessibility/coverage.js';
import { demandGroupOf, demandRule, unitDemand } from '../../../core/accessibility/demand-groups.js';
import { computeServiceAreas } from '../../../core/accessibility/service-areas.js';
import type { FacilityCategoryId } from '../../../core/standards/facility-categories.js';
import type { Database } from '../db/client.js';
import { SERVICE_AREA_GEOMETRIES } from '../db/sql/accessibility.sql.js';
import { exportFile, type ExportFile } from '../export/feature-table.js';
import { accessibilityView, type AccessibilityView } from '../scenarios/scenario-accessibility.js';
import type { ScenarioReference } from '../scenarios/scenario-store.js';

export type ServiceAreasQuery = z.output<typeof serviceAreasQuerySchema>;

/** Each unit's demand of `group`, in the model's unit order, from the unit figures as stored. */
export function demandOfUnits(
  view: AccessibilityView,
  group: ReturnType<typeof demandGroupOf>,
): Float64Array {
  const { model, region } = view;
  const { children, elderly } = region.unitAges;
  return Float64Array.from(model.units, (unit, index) =>
    unitDemand({ residents: unit.residents, children: children[index], elderly: elderly[index] }, group),
  );
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The service areas of `query.category` on a scenario (or the baseline), as GeoJSON. */
export async function serviceAreasOf(
  database: Database,
  reference: ScenarioReference,
  query: ServiceAreasQuery,
) {
  const view = await accessibilityView(database, reference);
  const { model } = view;
  const category = query.category;
  const tierMinutes = query.minutes ?? defaultTierTable()[category] ?? null;
  const demandGroup = demandGroupOf(category);
  const result = computeServiceAreas(model, {
    category,
    tierMinutes,
    speedMetersPerSecond: query.speedMetersPerSecond,
    demandByUnit: demandOfUnits(view, demandGroup),
  });
  const unitId = (unit: number) => model.units[unit].id;
  const served = result.areas.flatMap((area, k) => area.units.map((unit) => [unitId(unit), k]));
  const geometries = new Map<number, string>();
  if (served.length > 0) {
    const { rows } = await database.query<{ geometries: string }>(SERVICE_AREA_GEOMETRIES, [
      view.regionId,
      JSON.stringify(served),
    ]);
    for (const [k, geometry] of JSON.parse(rows[0].geometries) as [number, string][])
      geometries.set(k, geometry);
  }
  let capacity = 0;
  let facilitiesWithoutCapacity = 0;
  let beyondTierResidents = 0;
  const features = result.areas.map((area, k) => {
    const facility = model.facilities[area.facility];
    const record = view.facilityRecords.get(facility.id);
    const facilityCapacity = record?.capacity ?? null;
    if (facilityCapacity === null) facilitiesWithoutCapacity += 1;
    else capacity += facilityCapacity;
    beyondTierResidents += area.beyondTierResidents;
    const load = facilityCapacity ? area.demand / facilityCapacity : null;
    const geometry = geometries.get(k);
    return {
      type: 'Feature' as const,
      id: facility.id,
      geometry: geometry
        ? (JSON.parse(geometry) as { type: 'MultiPolygon'; coordinates: [number, number][][][] })
        : null,
      properties: {
        facilityId: facility.id,
        name: record?.name ?? facility.id,
        category,
        capacity: facilityCapacity,
        unitCount: area.units.length,
        residents: area.residents,
        demand: round(area.demand),
        load: load === null ? null : round(load, 4),
        overCapacity: load === null ? null : load > 1,
        beyondTierUnitCount: area.beyondTierUnits.length,
        beyondTierResidents: area.beyondTierResidents,
        beyondTierDemand: round(area.beyondTierDemand),
        meanWalkMinutes: area.meanWalkSeconds === null ? null : round(area.meanWalkSeconds / 60),
        maxWalkMinutes: area.maxWalkSeconds === null ? null : round(area.maxWalkSeconds / 60),
        position: facility.position,
        unitIds: area.units.map(unitId),
        beyondTierUnitIds: area.beyondTierUnits.map(unitId),
      },
    };
  });
  return {
    type: 'FeatureCollection' as const,
    scenario: view.scenario
      ? { id: view.scenario.id, regionId: view.regionId, version: view.scenario.version }
      : { id: 'baseline', regionId: view.regionId, version: 1 },
    category: category as FacilityCategoryId,
    tierMinutes,
    speedMetersPerSecond: query.speedMetersPerSecond,
    maxWalkMinutes: result.maxSeconds / 60,
    demandGroup,
    demandRule: demandRule(demandGroup),
    totals: {
      residents: result.areas.reduce((sum, area) => sum + area.residents, 0) + result.unserved.residents,
      demand: round(result.areas.reduce((sum, area) => sum + area.demand, 0) + result.unserved.demand),
      capacity,
      facilitiesWithoutCapacity,
      beyondTierResidents,
    },
    unserved: {
      unitIds: result.unserved.units.map(unitId),
      residents: result.unserved.residents,
      demand: round(result.unserved.demand),
    },
    features,
  };
}

/** The service areas as a file: one feature (row) per facility, unit lists left out. */
export async function serviceAreasExportFile(
  database: Database,
  reference: ScenarioReference,
  query: ServiceAreasQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const collection = await serviceAreasOf(database, reference, query);
  const features = collection.features.map((feature) => {
    const { position, unitIds: _units, beyondTierUnitIds: _beyond, ...figures } = feature.properties;
    void _units;
    void _beyond;
    return {
      ...feature,
      properties: { ...figures, lon: position[0], lat: position[1], demandGroup: collection.demandGroup },
    };
  });
  const owner =
    reference.kind === 'baseline'
      ? `${collection.scenario.regionId}-baseline`
      : `${collection.scenario.regionId}-scenario-${collection.scenario.id.slice(0, 8)}-v${collection.scenario.version}`;
  return exportFile(
    { type: 'FeatureCollection', features },
    format,
    `${owner}-service-areas-${query.category}`,
    {
      dbfNames: SERVICE_AREA_DBF_NAMES,
    },
  );
}

/** DBF names of the export's columns (at most 10 characters). */
const SERVICE_AREA_DBF_NAMES: Record<string, string> = {
  facilityId: 'facility',
  name: 'name',
  category: 'category',
  capacity: 'capacity',
  unitCount: 'units',
  residents: 'residents',
  demand: 'demand',
  load: 'load',
  overCapacity: 'over_cap',
  beyondTierUnitCount: 'beyond_n',
  beyondTierResidents: 'beyond_res',
  beyondTierDemand: 'beyond_dem',
  meanWalkMinutes: 'walk_mean',
  maxWalkMinutes: 'walk_max',
  lon: 'lon',
  lat: 'lat',
  demandGroup: 'dem_group',
};

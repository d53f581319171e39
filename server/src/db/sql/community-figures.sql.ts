/**
 * The surveyed figures of a community (core/standards/community-figures.ts) as columns of
 * `communities` and `scenario_communities`: one list, so every statement that reads or writes them
 * (loading a region, the layer, scenario records, copies and upserts, imports) names the same ones.
 * Identifiers come only from this list.
 */

import {
  SURVEYED_FIGURE_NAMES,
  type SurveyedFigureName,
} from '../../../../core/standards/community-figures.js';

type SqlType = 'float8' | 'int' | 'text' | 'boolean';

const SQL_TYPES: Record<SurveyedFigureName, SqlType> = {
  serviceFloorAreaSquareMeters: 'float8',
  stationProvenance: 'text',
  activityFloorShare: 'float8',
  commercialFloorShare: 'float8',
  staff: 'int',
  socialWorkers: 'int',
  grids: 'int',
  gridWorkers: 'int',
  policeOfficers: 'int',
  auxiliaryPoliceOfficers: 'int',
  openingHoursPerDay: 'float8',
  parkingSpaces: 'int',
  newResidentialArea: 'boolean',
  seatKind: 'text',
  seatName: 'text',
  agriculturalLandShare: 'float8',
  developmentProgress: 'float8',
  applicationTarget: 'text',
};

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export const SURVEYED_FIGURE_COLUMNS = SURVEYED_FIGURE_NAMES.map((property) => ({
  property,
  column: snakeCase(property),
  sqlType: SQL_TYPES[property],
}));

/** `service_floor_area_square_meters, station_provenance, …` (prefixed by `alias.` when given). */
export function surveyedColumnList(alias = ''): string {
  return SURVEYED_FIGURE_COLUMNS.map(({ column }) => `${alias ? `${alias}.` : ''}${column}`).join(', ');
}

/** `'serviceFloorAreaSquareMeters', c.service_floor_area_square_meters, …` for json_build_object. */
export function surveyedJsonPairs(alias: string): string {
  return SURVEYED_FIGURE_COLUMNS.map(({ property, column }) => `'${property}', ${alias}.${column}`).join(
    ', ',
  );
}

/** Each figure read from a JSON text expression `read(property)` and cast to its column's type. */
export function surveyedValuesFrom(read: (property: string) => string): string {
  return SURVEYED_FIGURE_COLUMNS.map(({ property, sqlType }) => `(${read(property)})::${sqlType}`).join(', ');
}

/** `"serviceFloorAreaSquareMeters" float8, …` for jsonb_to_recordset's column list. */
export function surveyedRecordsetTypes(): string {
  return SURVEYED_FIGURE_COLUMNS.map(({ property, sqlType }) => `"${property}" ${sqlType}`).join(', ');
}

/** `service_floor_area_square_meters = EXCLUDED.service_floor_area_square_meters, …` for upserts. */
export function surveyedExcludedAssignments(): string {
  return SURVEYED_FIGURE_COLUMNS.map(({ column }) => `${column} = EXCLUDED.${column}`).join(', ');
}

/**
 * Every surveyed figure a community record carries (core's SurveyedFigures), as a field a planner
 * reads in the attribute panel and types in the scenario editor: its label key, its kind and, for a
 * share, that it is typed as a percentage and stored as 0–1. One list, so nothing is shown that
 * cannot be edited, and nothing edited that is never shown.
 */
import type { MessageKey } from '../../lib/i18n';
import {
  APPLICATION_TARGETS,
  SEAT_KINDS,
  STATION_PROVENANCES,
  SURVEYED_FIGURE_LIMITS,
  type SurveyedFigureName,
} from '../../lib/standards';

export type SurveyedField =
  | { name: SurveyedFigureName; kind: 'count'; max: number; unit: 'people' | 'grids' | 'spaces' }
  | { name: SurveyedFigureName; kind: 'area'; max: number }
  | { name: SurveyedFigureName; kind: 'hours'; max: number }
  /** Typed in percent (0–100), held as a 0–1 share. */
  | { name: SurveyedFigureName; kind: 'share' }
  | {
      name: SurveyedFigureName;
      kind: 'choice';
      options: readonly string[];
      optionKey: (value: string) => MessageKey;
    }
  | { name: SurveyedFigureName; kind: 'yes-no' }
  | { name: SurveyedFigureName; kind: 'text' };

const LIMITS = SURVEYED_FIGURE_LIMITS;

export const SURVEYED_FIELDS: readonly SurveyedField[] = [
  { name: 'serviceFloorAreaSquareMeters', kind: 'area', max: LIMITS.floorAreaSquareMeters },
  {
    name: 'stationProvenance',
    kind: 'choice',
    options: STATION_PROVENANCES,
    optionKey: (value) => `provenance.${value}` as MessageKey,
  },
  { name: 'activityFloorShare', kind: 'share' },
  { name: 'commercialFloorShare', kind: 'share' },
  { name: 'staff', kind: 'count', max: LIMITS.people, unit: 'people' },
  { name: 'socialWorkers', kind: 'count', max: LIMITS.people, unit: 'people' },
  { name: 'grids', kind: 'count', max: LIMITS.grids, unit: 'grids' },
  { name: 'gridWorkers', kind: 'count', max: LIMITS.people, unit: 'people' },
  { name: 'policeOfficers', kind: 'count', max: LIMITS.people, unit: 'people' },
  { name: 'auxiliaryPoliceOfficers', kind: 'count', max: LIMITS.people, unit: 'people' },
  { name: 'openingHoursPerDay', kind: 'hours', max: LIMITS.hoursPerDay },
  { name: 'parkingSpaces', kind: 'count', max: LIMITS.parkingSpaces, unit: 'spaces' },
  { name: 'newResidentialArea', kind: 'yes-no' },
  {
    name: 'seatKind',
    kind: 'choice',
    options: SEAT_KINDS,
    optionKey: (value) => `seat.${value}` as MessageKey,
  },
  { name: 'seatName', kind: 'text' },
  { name: 'agriculturalLandShare', kind: 'share' },
  { name: 'developmentProgress', kind: 'share' },
  {
    name: 'applicationTarget',
    kind: 'choice',
    options: APPLICATION_TARGETS,
    optionKey: (value) => `application.${value}` as MessageKey,
  },
];

/** The field's label: the same words an undetermined result uses for the figure it lacks. */
export function fieldLabelKey(name: SurveyedFigureName): MessageKey {
  return `missing.${name}` as MessageKey;
}

export type SurveyedValue = number | string | boolean | null;

/** The text a field's input starts from (a share in percent), '' for a missing figure. */
export function fieldText(field: SurveyedField, value: SurveyedValue): string {
  if (value === null || value === undefined) return '';
  if (field.kind === 'share' && typeof value === 'number') return String(Math.round(value * 10000) / 100);
  if (field.kind === 'yes-no') return value ? 'yes' : 'no';
  return String(value);
}

/** What a field's text means: the figure, null when empty, or 'invalid' when out of range or not a number. */
export function parseFieldText(field: SurveyedField, text: string): SurveyedValue | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  switch (field.kind) {
    case 'count': {
      const value = Number(trimmed);
      return Number.isInteger(value) && value >= 0 && value <= field.max ? value : 'invalid';
    }
    case 'area':
    case 'hours': {
      const value = Number(trimmed);
      return Number.isFinite(value) && value >= 0 && value <= field.max ? value : 'invalid';
    }
    case 'share': {
      const value = Number(trimmed);
      return Number.isFinite(value) && value >= 0 && value <= 100 ? value / 100 : 'invalid';
    }
    case 'choice':
      return field.options.includes(trimmed) ? trimmed : 'invalid';
    case 'yes-no':
      return trimmed === 'yes' ? true : trimmed === 'no' ? false : 'invalid';
    case 'text':
      return trimmed.length <= 100 ? trimmed : 'invalid';
  }
}

/** A field's value as read in a panel ("35.2%", "是", "租用"), null for a missing figure. */
export function fieldDisplay(
  field: SurveyedField,
  value: SurveyedValue,
  t: (key: MessageKey) => string,
  format: { count: (value: number) => string | null; share: (value: number) => string | null },
): string | null {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'share':
      return typeof value === 'number' ? format.share(value) : null;
    case 'choice':
      return t(field.optionKey(String(value)));
    case 'yes-no':
      return t(value ? 'surveyed.yes' : 'surveyed.no');
    case 'area':
      return typeof value === 'number' ? `${format.count(value)} m²` : null;
    case 'hours':
      return typeof value === 'number' ? `${format.count(value)} h` : null;
    case 'count':
      return typeof value === 'number' ? format.count(value) : null;
    case 'text':
      return String(value);
  }
}

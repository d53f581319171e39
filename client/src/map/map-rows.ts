/**
 * Rows the deck.gl layers draw, prepared once per data change (behind useMemo in the map view),
 * so that layer accessors only read fields and never compute.
 */
import type {
  CommunityFeature,
  FacilityFeature,
  Position,
  StreetFeature,
  UnitFeature,
} from '../lib/api-types';
import { DENSITY_BREAKS_RESIDENTS_PER_HECTARE } from './colours';
import { areaSquareMeters, labelPoint } from './geometry';

const SQUARE_METERS_PER_HECTARE = 10_000;

export interface LabelRow {
  id: string;
  position: Position;
  nameZh: string;
  nameEn: string;
}

/** A unit with its density class (index into DENSITY_COLOURS), or -1 when nobody lives there. */
export type DensityUnit = UnitFeature & { densityClass: number; residentsPerHectare: number };

export interface PopulationDot {
  id: string;
  position: Position;
  residents: number;
}

/** Community labels, most populous first: where labels collide, the larger community keeps its name. */
export function communityLabelRows(communities: readonly CommunityFeature[]): LabelRow[] {
  const byResidents = [...communities].sort(
    (a, b) => (b.properties.residents ?? 0) - (a.properties.residents ?? 0),
  );
  // A community without units has no outline to label.
  return byResidents
    .flatMap((feature) => (feature.geometry ? [{ feature, geometry: feature.geometry }] : []))
    .map(({ feature, geometry }) => ({
      id: feature.properties.id,
      position: labelPoint(geometry),
      nameZh: feature.properties.name,
      nameEn: feature.properties.nameEn || feature.properties.name,
    }));
}

export function streetLabelRows(streets: readonly StreetFeature[]): LabelRow[] {
  return streets.map((feature) => ({
    id: feature.properties.id,
    position: labelPoint(feature.geometry),
    nameZh: feature.properties.name,
    nameEn: feature.properties.nameEn || feature.properties.name,
  }));
}

/** Density class of a residents-per-hectare figure: the first break it stays below. */
export function densityClassOf(residentsPerHectare: number): number {
  const index = DENSITY_BREAKS_RESIDENTS_PER_HECTARE.findIndex((upper) => residentsPerHectare < upper);
  return index === -1 ? DENSITY_BREAKS_RESIDENTS_PER_HECTARE.length : index;
}

export function densityUnits(units: readonly UnitFeature[]): DensityUnit[] {
  return units.map((unit) => {
    const hectares = areaSquareMeters(unit.geometry) / SQUARE_METERS_PER_HECTARE;
    const residentsPerHectare = hectares > 0 ? unit.properties.residents / hectares : 0;
    return {
      ...unit,
      residentsPerHectare,
      densityClass: unit.properties.residents > 0 ? densityClassOf(residentsPerHectare) : -1,
    };
  });
}

/** How population dots are sized: area proportional to residents, scaled to the region's units. */
export interface DotScale {
  pixelsPerSqrtResident: number;
  /** Three round resident counts for the legend, small to large. */
  legendResidents: [number, number, number];
}

/** Radius in pixels of the dot of a unit at the 95th percentile of residents. */
const DOT_RADIUS_PIXELS_AT_P95 = 7;
const DEFAULT_DOT_SCALE: DotScale = { pixelsPerSqrtResident: 0.2, legendResidents: [100, 500, 2000] };

/** Round to one significant digit from the 1–2–5 series (e.g. 137 → 100, 380 → 500). */
export function roundNice(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const mantissa = value / power;
  const nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
  return nice * power;
}

/**
 * A dot scale fitted to the data, so a typical unit's dot is a few pixels across whether units are
 * 75 m grid cells of twenty people or estates of three thousand.
 */
export function populationDotScale(units: readonly UnitFeature[]): DotScale {
  const residents = units
    .map((unit) => unit.properties.residents)
    .filter((count) => count > 0)
    .sort((a, b) => a - b);
  if (residents.length === 0) return DEFAULT_DOT_SCALE;
  const p95 = residents[Math.min(residents.length - 1, Math.floor(residents.length * 0.95))];
  const large = roundNice(p95);
  const legendResidents: [number, number, number] = [
    Math.max(1, roundNice(large / 10)),
    Math.max(1, roundNice(large / 2)),
    large,
  ];
  return { pixelsPerSqrtResident: DOT_RADIUS_PIXELS_AT_P95 / Math.sqrt(p95), legendResidents };
}

export function populationDots(units: readonly UnitFeature[]): PopulationDot[] {
  return units
    .filter((unit) => unit.properties.residents > 0 && Array.isArray(unit.properties.accessPoint))
    .map((unit) => ({
      id: unit.properties.id,
      position: unit.properties.accessPoint,
      residents: unit.properties.residents,
    }));
}

/** A facility as drawn: where its dot goes, which may be nudged off a shared address. */
export interface FacilityRow {
  facility: FacilityFeature;
  position: Position;
}

/** Distance in pixels by which facilities at the very same point are spread around it. */
const COLOCATED_SPREAD_PIXELS = 7;
/** Ground metres per pixel at zoom 0 on the equator (Web Mercator, 512-pixel tiles). */
const METERS_PER_PIXEL_AT_ZOOM_0 = 78271.517;
const METERS_PER_DEGREE_LATITUDE = 111_320;

/**
 * The facilities to draw, hidden categories left out. Facilities sharing one address (a health
 * station and a public toilet in one building) would hide each other, so they are set on a small
 * circle around it, `COLOCATED_SPREAD_PIXELS` wide at the given zoom.
 */
export function facilityRows(
  facilities: readonly FacilityFeature[],
  hiddenCategories: ReadonlySet<string>,
  zoom: number,
): FacilityRow[] {
  const shown = facilities.filter((facility) => !hiddenCategories.has(facility.properties.category));
  const groups = new Map<string, FacilityFeature[]>();
  for (const facility of shown) {
    const key = facility.geometry.coordinates.join(',');
    const group = groups.get(key);
    if (group) group.push(facility);
    else groups.set(key, [facility]);
  }
  const rows: FacilityRow[] = [];
  for (const group of groups.values()) {
    const [lng, lat] = group[0].geometry.coordinates;
    if (group.length === 1) {
      rows.push({ facility: group[0], position: [lng, lat] });
      continue;
    }
    const metersPerPixel = (METERS_PER_PIXEL_AT_ZOOM_0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
    const radiusMeters = COLOCATED_SPREAD_PIXELS * metersPerPixel;
    const radiusLat = radiusMeters / METERS_PER_DEGREE_LATITUDE;
    const radiusLng = radiusLat / Math.cos((lat * Math.PI) / 180);
    group.forEach((facility, index) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / group.length;
      rows.push({
        facility,
        position: [lng + radiusLng * Math.cos(angle), lat - radiusLat * Math.sin(angle)],
      });
    });
  }
  return rows;
}

/**
 * Rows of the isochrone legend: one per band (minutes, residents, households, elderly), with
 * running totals, and the network-versus-radius comparison that shows how far straight-line
 * service radii overstate who can actually walk there.
 */
import type { AccessBandProperties } from '../../lib/api-types';
import { isochroneBandColour, type Rgb } from '../../map/colours';

export interface BandRow {
  minutes: number;
  fromMinutes: number;
  /** People in this band only (rings), as the API counted them from the units' own travel times. */
  residents: number;
  households: number;
  elderly: number;
  /** People within `minutes` of the origin: this band and every nearer one. */
  cumulativeResidents: number;
  cumulativeHouseholds: number;
  cumulativeElderly: number;
  areaSquareMeters: number;
  /** Service radius of the band's outer edge (radius method), metres. */
  radiusMeters: number | null;
  colour: Rgb;
}

/**
 * Legend rows from the API's bands (ascending minutes). Bands in `rings` mode (each starting where
 * the previous ended) are summed into running totals; `disks` bands are totals already.
 */
export function bandRows(bands: readonly { properties: AccessBandProperties }[]): BandRow[] {
  const sorted = [...bands].map((band) => band.properties).sort((a, b) => a.minutes - b.minutes);
  const rings = sorted.every(
    (band, index) => band.fromMinutes === (index === 0 ? 0 : sorted[index - 1].minutes),
  );
  let residents = 0;
  let households = 0;
  let elderly = 0;
  return sorted.map((band, index) => {
    if (rings) {
      residents += band.residents;
      households += band.households;
      elderly += band.elderly;
    } else {
      residents = band.residents;
      households = band.households;
      elderly = band.elderly;
    }
    return {
      minutes: band.minutes,
      fromMinutes: band.fromMinutes,
      residents: band.residents,
      households: band.households,
      elderly: band.elderly,
      cumulativeResidents: residents,
      cumulativeHouseholds: households,
      cumulativeElderly: elderly,
      areaSquareMeters: band.areaSquareMeters,
      radiusMeters: band.radiusMeters ?? null,
      colour: isochroneBandColour(index, sorted.length),
    };
  });
}

export interface ComparisonRow {
  minutes: number;
  /** Residents who really walk there within `minutes` (network). */
  networkResidents: number;
  /** Residents inside the straight-line service radius for `minutes`. */
  radiusResidents: number;
  radiusMeters: number | null;
  /** radius ÷ network − 1 (0.4 = the radius counts 40 % more people); null when the network reaches nobody. */
  overstatementShare: number | null;
  colour: Rgb;
}

/** Network and radius totals side by side for every minutes value both answers have. */
export function comparisonRows(network: readonly BandRow[], radius: readonly BandRow[]): ComparisonRow[] {
  const radiusByMinutes = new Map(radius.map((row) => [row.minutes, row]));
  const rows: ComparisonRow[] = [];
  for (const row of network) {
    const circle = radiusByMinutes.get(row.minutes);
    if (!circle) continue;
    rows.push({
      minutes: row.minutes,
      networkResidents: row.cumulativeResidents,
      radiusResidents: circle.cumulativeResidents,
      radiusMeters: circle.radiusMeters,
      overstatementShare:
        row.cumulativeResidents > 0 ? circle.cumulativeResidents / row.cumulativeResidents - 1 : null,
      colour: row.colour,
    });
  }
  return rows;
}

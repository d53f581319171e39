/**
 * What an OSM import made and left out, with every assumption it rests on, and its printed form.
 * The report is the planner's receipt: counts by kind, what was skipped and why, and which figures
 * are estimates.
 */
import type { OsmBounds } from '../formats/osm-xml.js';
import type { EdgeClass } from '../network/edge-classes.js';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../standards/facility-categories.js';
import { formatSkipTally, skipTotal, type SkipTally } from './skip-tally.js';

export interface OsmImportReport {
  regionId: string;
  name: string;
  file: string;
  generator: string | null;
  newestTimestamp: string | null;
  bounds: OsmBounds;
  /** Whether the bounds are the file's `<bounds>` or, lacking one, the extent of its nodes. */
  boundsFrom: 'file' | 'nodes';
  metricSrid: number;
  counts: { nodes: number; ways: number; relations: number };
  network: {
    walkableWays: number;
    edges: number;
    nodes: number;
    components: { count: number; nodeCounts: number[] };
    edgesByClass: Partial<Record<EdgeClass, number>>;
    lengthMetersByClass: Partial<Record<EdgeClass, number>>;
    skippedWays: SkipTally;
    waysCut: SkipTally;
  };
  facilities: {
    total: number;
    byCategory: Partial<Record<FacilityCategoryId, number>>;
    unmappedByTag: Record<string, number>;
    skipped: SkipTally;
    outsideCommunities: number;
  };
  streets: {
    list: {
      id: string;
      name: string;
      kind: 'street' | 'township';
      from: string;
      areaSquareKilometers: number;
    }[];
    /** Street-level relations not made into streets, and why (outside the box, side undecided…). */
    notes: string[];
  };
  communities: {
    count: number;
    type: string;
    list: { id: string; name: string; streetId: string; from: string; units: number; residents: number }[];
    seedsUnused: SkipTally;
    straightLineUnits: number;
  };
  population: {
    personsPerSquareMeter: number;
    floorsRule: string;
    personsPerHousehold: number;
    cellMeters: number;
    buildingsUsed: number;
    buildingsWithTaggedFloors: number;
    buildingsSkipped: SkipTally;
    units: number;
    unitsWithResidents: number;
    slivers: number;
    residents: number;
    households: number;
  };
  water: { areas: number; skipped: SkipTally };
}

const kilometers = (meters: number) => `${(meters / 1000).toFixed(1)} km`;

/** The OSM import's report as lines of text for the terminal (npm run import:osm). */
export function formatOsmImportReport(report: OsmImportReport): string[] {
  const lines: string[] = [];
  const section = (title: string) => lines.push('', title);
  const item = (text: string) => lines.push(`  ${text}`);
  const tally = (title: string, entries: SkipTally) => {
    if (skipTotal(entries) === 0) return;
    item(`${title} (${skipTotal(entries)}):`);
    for (const line of formatSkipTally(entries)) item(`  ${line}`);
  };
  const { bounds } = report;

  lines.push(`region "${report.regionId}" (${report.name}) from ${report.file}`);
  item(
    `${report.generator ?? 'unknown generator'}; newest edit ${report.newestTimestamp ?? 'unknown'}; ${report.counts.nodes} nodes, ${report.counts.ways} ways, ${report.counts.relations} relations`,
  );
  item(
    `bounds ${bounds.minLon}–${bounds.maxLon}°E, ${bounds.minLat}–${bounds.maxLat}°N (${report.boundsFrom === 'file' ? 'the file’s <bounds>' : 'no <bounds> in the file: the extent of its nodes'}); metric projection EPSG:${report.metricSrid}`,
  );
  item('data © OpenStreetMap contributors, ODbL 1.0');

  const { network } = report;
  section('walking network');
  item(`${network.walkableWays} walkable ways → ${network.edges} edges, ${network.nodes} nodes`);
  const sizes = network.components.nodeCounts;
  item(
    `${network.components.count} connected component${network.components.count === 1 ? '' : 's'} (nodes: ${sizes.slice(0, 12).join(', ')}${sizes.length > 12 ? `, … ${sizes.length - 12} more` : ''}); all kept`,
  );
  for (const [edgeClass, count] of Object.entries(network.edgesByClass)) {
    item(
      `${edgeClass}: ${count} edges, ${kilometers(network.lengthMetersByClass[edgeClass as EdgeClass] ?? 0)}${edgeClass === 'steps' ? ' (costed slower: see core/routing/walking-profiles.ts)' : ''}`,
    );
  }
  tally('highway ways skipped', network.skippedWays);
  tally('walkable ways cut', network.waysCut);

  const { facilities } = report;
  section('facilities');
  item(
    `${facilities.total} facilities${facilities.outsideCommunities > 0 ? ` (${facilities.outsideCommunities} outside every community: no communityId)` : ''}`,
  );
  for (const [category, count] of Object.entries(facilities.byCategory)) {
    item(`${category} (${FACILITY_CATEGORIES[category as FacilityCategoryId].nameZh}): ${count}`);
  }
  tally('POIs skipped', facilities.skipped);
  const unmapped = Object.entries(facilities.unmappedByTag).sort(
    ([a, x], [b, y]) => y - x || a.localeCompare(b),
  );
  if (unmapped.length > 0) {
    item(
      `POIs with tags the facility table does not know (${unmapped.reduce((sum, [, count]) => sum + count, 0)}, not imported):`,
    );
    for (const [tag, count] of unmapped) item(`  ${tag}: ${count}`);
  }

  section('streets');
  for (const street of report.streets.list) {
    item(
      `${street.id} ${street.name} (${street.kind}, ${street.areaSquareKilometers.toFixed(2)} km² in the extract): ${street.from}`,
    );
  }
  for (const note of report.streets.notes) item(note);

  const { communities } = report;
  section('communities');
  item(
    `${communities.count} communities, all of type "${communities.type}" (the importer cannot tell types apart; edit them after import)`,
  );
  for (const community of communities.list) {
    item(
      `${community.id} ${community.name} in ${community.streetId}: ${community.units} units, ${community.residents} residents (${community.from})`,
    );
  }
  if (communities.straightLineUnits > 0) {
    item(
      `${communities.straightLineUnits} units reach no seed along the network (another component): given to the nearest seed in a straight line`,
    );
  }
  tally('place points not used as seeds', communities.seedsUnused);

  const { population } = report;
  section('population units (ESTIMATED: marked estimated=true)');
  item(
    `${population.units} units: ${population.cellMeters} m grid cells cut along street boundaries (${population.slivers} slivers under 1 m² dropped); ${population.unitsWithResidents} with residents`,
  );
  item(
    `residents = footprint m² × floors × ${population.personsPerSquareMeter} persons per m² of floor area; floors: ${population.floorsRule}; households = residents / ${population.personsPerHousehold}`,
  );
  item(
    `${population.buildingsUsed} residential buildings (${population.buildingsWithTaggedFloors} with building:levels) → ${population.residents} residents, ${population.households} households`,
  );
  tally('buildings not counted', population.buildingsSkipped);

  section('water');
  item(`${report.water.areas} water areas`);
  tally('water not drawn', report.water.skipped);
  return lines;
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  REGION_LAYER_FILES,
  validateRegionFiles,
  where,
  type RegionLayer,
  type ValidRegionFiles,
} from '../../../core/region/region-files.js';
import type { Database, Query } from './client.js';
import * as sql from './sql/load-region.sql.js';
import { STORE_REGION_EXTENT } from './sql/regions.sql.js';

/** A region folder or its contents that cannot be loaded; `problems` name file, feature and field. */
export class RegionLoadError extends Error {
  constructor(
    readonly regionSource: string,
    readonly problems: string[],
  ) {
    super(`cannot load region from ${regionSource}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RegionLoadError';
  }
}

export interface LoadRegionOptions {
  /** Replace a region of the same id (its scenarios go with it); otherwise an existing id is an error. */
  replace?: boolean;
  /** Features per statement (LOAD_BATCH_FEATURES unless given; tests pass a small one to cross batches). */
  batchFeatures?: number;
}

/**
 * Features handed to PostgreSQL per statement. A layer goes over as one jsonb parameter per batch,
 * and a jsonb value cannot exceed 256 MB: at `--scale 200` the units alone are ~370 MB of GeoJSON,
 * so one statement per layer failed (issue 13). 20 000 units are ~7 MB of jsonb.
 */
export const LOAD_BATCH_FEATURES = 20_000;

/** `rows` in consecutive slices of at most `size`, with the index of each slice's first row. */
function* batchesOf<T>(rows: readonly T[], size: number): Generator<{ offset: number; batch: readonly T[] }> {
  for (let offset = 0; offset < rows.length; offset += size)
    yield { offset, batch: rows.slice(offset, offset + size) };
}

export interface RegionLoadReport {
  regionId: string;
  counts: Record<RegionLayer, number> & { networkNodes: number };
}

/** Reads `region.json` and the layer files of a region folder (see data/geojson/README.md). */
export async function readRegionFolder(
  folder: string,
): Promise<{ meta: unknown; layers: Record<RegionLayer, unknown> }> {
  const readJson = async (file: string) => {
    const filePath = path.join(folder, file);
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch {
      throw new RegionLoadError(folder, [`${file}: missing (expected at ${filePath})`]);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new RegionLoadError(folder, [`${file}: not valid JSON (${(error as Error).message})`]);
    }
  };
  const meta = await readJson('region.json');
  const layers = {} as Record<RegionLayer, unknown>;
  for (const [layer, file] of Object.entries(REGION_LAYER_FILES) as [RegionLayer, string][]) {
    layers[layer] = await readJson(file);
  }
  return { meta, layers };
}

/** Validates and loads a region folder in one transaction: all of it, or nothing. */
export async function loadRegionFolder(database: Database, folder: string, options: LoadRegionOptions = {}) {
  const { meta, layers } = await readRegionFolder(folder);
  return loadRegion(database, folder, meta, layers, options);
}

/**
 * Validates a region's JSON (properties in core, geometry validity in PostGIS) and writes it in
 * one transaction. Throws RegionLoadError naming every bad feature; nothing is written then.
 */
export async function loadRegion(
  database: Database,
  source: string,
  meta: unknown,
  layers: Record<RegionLayer, unknown>,
  options: LoadRegionOptions = {},
): Promise<RegionLoadReport> {
  const validation = validateRegionFiles(meta, layers);
  if (!validation.ok) throw new RegionLoadError(source, validation.problems);
  const region = validation.region;
  const batchFeatures = options.batchFeatures ?? LOAD_BATCH_FEATURES;

  return database.transaction(async (query) => {
    await rejectInvalidGeometries(query, source, region, batchFeatures);
    const existing = await query<{ id: string }>('SELECT id FROM regions WHERE id = $1', [region.meta.id]);
    if (existing.rows.length > 0) {
      if (!options.replace) {
        throw new RegionLoadError(source, [
          `region "${region.meta.id}" already exists (load with replace to overwrite it)`,
        ]);
      }
      await query(sql.DELETE_REGION, [region.meta.id]);
    }
    const { meta: regionMeta, layers: features } = region;
    await query(sql.INSERT_REGION, [
      regionMeta.id,
      regionMeta.name,
      regionMeta.nameEn ?? null,
      regionMeta.synthetic,
      regionMeta.metricSrid,
      regionMeta.attribution ?? null,
      regionMeta.source ?? null,
      regionMeta.profile,
    ]);
    const insert = async (statement: string, rows: readonly unknown[]) => {
      for (const { batch } of batchesOf(rows, batchFeatures))
        await query(statement, [regionMeta.id, JSON.stringify(batch)]);
    };
    await insert(sql.INSERT_STREETS, features.streets);
    await insert(sql.INSERT_COMMUNITIES, features.communities);
    await insert(sql.INSERT_POPULATION_UNITS, features.units);
    await insert(sql.INSERT_FACILITIES, features.facilities);
    await insert(sql.INSERT_NETWORK_NODES, region.networkNodes);
    await insert(sql.INSERT_NETWORK_EDGES, features.network);
    await insert(sql.INSERT_WATER, features.water);
    await query(STORE_REGION_EXTENT, [regionMeta.id]);
    await query(sql.ANALYZE_LAYER_TABLES);
    return {
      regionId: regionMeta.id,
      counts: {
        streets: features.streets.length,
        communities: features.communities.length,
        units: features.units.length,
        facilities: features.facilities.length,
        network: features.network.length,
        water: features.water.length,
        networkNodes: region.networkNodes.length,
      },
    };
  });
}

/** PostGIS judges polygon validity (self-intersections, bad rings); each bad feature is named. */
async function rejectInvalidGeometries(
  query: Query,
  source: string,
  region: ValidRegionFiles,
  batchFeatures: number,
) {
  const problems: string[] = [];
  for (const layer of ['streets', 'communities', 'units', 'water'] as const) {
    const features = region.layers[layer];
    for (const { offset, batch } of batchesOf(features, batchFeatures)) {
      const result = await query<{ featureIndex: number; id: string; reason: string }>(
        sql.INVALID_GEOMETRIES,
        [JSON.stringify(batch)],
      );
      for (const row of result.rows) {
        const featureIndex = offset + row.featureIndex;
        problems.push(
          `${where(layer, featureIndex, features[featureIndex])}: invalid geometry: ${row.reason}`,
        );
      }
    }
  }
  if (problems.length > 0) throw new RegionLoadError(source, problems);
}

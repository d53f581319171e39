import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  isFeatureCollection,
  REGION_LAYER_FILES,
  RegionFilesValidator,
  where,
  type RegionLayer,
  type RegionMeta,
} from '../../../core/region/region-files.js';
import type { Database, Query } from './client.js';
import { FeatureCollectionSyntaxError, readFeatureCollection } from './read-feature-collection.js';
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

export interface RegionLoadReport {
  regionId: string;
  counts: Record<RegionLayer, number> & { networkNodes: number };
}

/**
 * A layer's valid features as JSON arrays of at most `batchFeatures` each, the parameter of one
 * statement, kept as UTF-8 bytes outside the JS heap: a province's 2.4 M features as JavaScript
 * objects (1.3 GiB of heap parsed, 2.7 GiB more validated) did not fit Node's default heap (issue 13).
 */
interface LayerBatches {
  count: number;
  batches: Buffer[];
}

/** Collects valid features and turns each full batch into its JSON text. */
function batchWriter(batchFeatures: number) {
  const batches: Buffer[] = [];
  let pending: unknown[] = [];
  let count = 0;
  const flush = () => {
    if (pending.length === 0) return;
    batches.push(Buffer.from(JSON.stringify(pending), 'utf8'));
    pending = [];
  };
  return {
    add(feature: unknown) {
      pending.push(feature);
      count += 1;
      if (pending.length >= batchFeatures) flush();
    },
    finish(): LayerBatches {
      flush();
      return { count, batches };
    },
  };
}

/** A validated region, ready to write. */
interface PreparedRegion {
  meta: RegionMeta;
  layers: Record<RegionLayer, LayerBatches>;
  networkNodes: LayerBatches;
}

/**
 * Hands each feature of a layer, with its index in the file, to `onFeature`; resolves whether the
 * layer was a FeatureCollection at all.
 */
type LayerReader = (
  layer: RegionLayer,
  onFeature: (feature: unknown, index: number) => void,
) => Promise<boolean>;

/**
 * Validates a region layer after layer (RegionFilesValidator), keeping only each layer's valid
 * features as batches of JSON text; throws RegionLoadError naming every problem.
 */
async function prepareRegion(
  source: string,
  meta: unknown,
  readLayer: LayerReader,
  batchFeatures: number,
): Promise<PreparedRegion> {
  const validator = new RegionFilesValidator(meta);
  const layers = {} as Record<RegionLayer, LayerBatches>;
  for (const layer of Object.keys(REGION_LAYER_FILES) as RegionLayer[]) {
    const check = validator.startLayer(layer);
    const writer = batchWriter(batchFeatures);
    const wasFeatureCollection = await readLayer(layer, (feature, index) => {
      const valid = check.feature(feature, index);
      if (valid) writer.add(valid);
    });
    check.finish(wasFeatureCollection);
    layers[layer] = writer.finish();
  }
  const result = validator.result();
  if (!result.ok) throw new RegionLoadError(source, result.problems);
  const nodes = batchWriter(batchFeatures);
  for (const node of result.networkNodes) nodes.add(node);
  return { meta: result.meta, layers, networkNodes: nodes.finish() };
}

/**
 * Validates and loads a region folder (data/geojson/README.md) in one transaction: all of it, or
 * nothing. Each layer file is read piecewise (readFeatureCollection), one feature at a time.
 */
export async function loadRegionFolder(database: Database, folder: string, options: LoadRegionOptions = {}) {
  const inFolder = (file: string) => path.join(folder, file);
  const missing = (file: string) =>
    new RegionLoadError(folder, [`${file}: missing (expected at ${inFolder(file)})`]);
  const notJson = (file: string, error: unknown) =>
    new RegionLoadError(folder, [`${file}: not valid JSON (${(error as Error).message})`]);

  let metaText: string;
  try {
    metaText = await readFile(inFolder('region.json'), 'utf8');
  } catch {
    throw missing('region.json');
  }
  let meta: unknown;
  try {
    meta = JSON.parse(metaText) as unknown;
  } catch (error) {
    throw notJson('region.json', error);
  }
  const prepared = await prepareRegion(
    folder,
    meta,
    async (layer, onFeature) => {
      const file = REGION_LAYER_FILES[layer];
      const rest = await readFeatureCollection(inFolder(file), onFeature).catch((error: unknown) => {
        if (error instanceof FeatureCollectionSyntaxError) throw notJson(file, error);
        if ((error as NodeJS.ErrnoException).code) throw missing(file);
        throw error;
      });
      return isFeatureCollection(rest);
    },
    options.batchFeatures ?? LOAD_BATCH_FEATURES,
  );
  return writeRegion(database, folder, prepared, options);
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
  const prepared = await prepareRegion(
    source,
    meta,
    (layer, onFeature) => {
      const collection = layers[layer];
      if (!isFeatureCollection(collection)) return Promise.resolve(false);
      collection.features.forEach(onFeature);
      return Promise.resolve(true);
    },
    options.batchFeatures ?? LOAD_BATCH_FEATURES,
  );
  return writeRegion(database, source, prepared, options);
}

/** Writes a prepared region in one transaction, after PostGIS has judged its polygons. */
async function writeRegion(
  database: Database,
  source: string,
  region: PreparedRegion,
  options: LoadRegionOptions,
): Promise<RegionLoadReport> {
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
    const { meta: regionMeta, layers } = region;
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
    const insert = async (statement: string, { batches }: LayerBatches) => {
      for (const batch of batches) await query(statement, [regionMeta.id, batch.toString('utf8')]);
    };
    await insert(sql.INSERT_STREETS, layers.streets);
    await insert(sql.INSERT_COMMUNITIES, layers.communities);
    await insert(sql.INSERT_POPULATION_UNITS, layers.units);
    await insert(sql.INSERT_FACILITIES, layers.facilities);
    await insert(sql.INSERT_NETWORK_NODES, region.networkNodes);
    await insert(sql.INSERT_NETWORK_EDGES, layers.network);
    await insert(sql.INSERT_WATER, layers.water);
    await query(STORE_REGION_EXTENT, [regionMeta.id]);
    await query(sql.ANALYZE_LAYER_TABLES);
    return {
      regionId: regionMeta.id,
      counts: {
        streets: layers.streets.count,
        communities: layers.communities.count,
        units: layers.units.count,
        facilities: layers.facilities.count,
        network: layers.network.count,
        water: layers.water.count,
        networkNodes: region.networkNodes.count,
      },
    };
  });
}

/** PostGIS judges polygon validity (self-intersections, bad rings); each bad feature is named. */
async function rejectInvalidGeometries(
  query: Query,
  source: string,
  region: PreparedRegion,
  batchFeatures: number,
) {
  const problems: string[] = [];
  for (const layer of ['streets', 'communities', 'units', 'water'] as const) {
    // Every feature was valid in core, so a feature's place among the valid ones is its index in the file.
    for (const [batchIndex, batch] of region.layers[layer].batches.entries()) {
      const result = await query<{ featureIndex: number; id: string; reason: string }>(
        sql.INVALID_GEOMETRIES,
        [batch.toString('utf8')],
      );
      for (const row of result.rows) {
        const featureIndex = batchIndex * batchFeatures + row.featureIndex;
        problems.push(
          `${where(layer, featureIndex, { properties: { id: row.id } })}: invalid geometry: ${row.reason}`,
        );
      }
    }
  }
  if (problems.length > 0) throw new RegionLoadError(source, problems);
}

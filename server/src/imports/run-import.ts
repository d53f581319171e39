/**
 * One import, previewed or committed: the file is read and converted in core/import, then checked
 * against the region inside one transaction — PostGIS judges (and on request repairs) geometry,
 * finds the street or community each feature lies in, re-homes what a replaced layer held — and
 * the region's scenarios are told what it does to them. A preview writes nothing; a commit writes
 * all of it or, on any error or an unaccepted scenario change, nothing.
 */
import type { Bilingual } from '../../../core/formats/bilingual-error.js';
import { bboxOfCoordinates, isEmptyBbox, type Bbox } from '../../../core/geometry/bbox.js';
import { validityReasonZh } from '../../../core/import/bilingual-text.js';
import { convertFeatures, type ImportFeature } from '../../../core/import/convert-features.js';
import { parseCrsOption, type CoordinateSystem } from '../../../core/import/coordinate-systems.js';
import {
  applyMappingChoices,
  mappableFields,
  suggestMapping,
  suggestValueMap,
  type FieldMapping,
  type MappingSource,
  type ValueMap,
} from '../../../core/import/field-mapping.js';
import { fieldLabelZh, LAYER_NAMES_ZH, type ImportLayer } from '../../../core/import/import-layers.js';
import {
  countProblems,
  hasErrors,
  makeProblem,
  MAX_LISTED_PROBLEMS,
  sortProblems,
  type ImportProblem,
  type ProblemInput,
} from '../../../core/import/import-problems.js';
import {
  distinctColumnValues,
  ImportFileError,
  readImportFile,
  type ImportTable,
} from '../../../core/import/read-import-file.js';
import { isEdgeClass } from '../../../core/network/edge-classes.js';
import { networkEdgeFeature } from '../../../core/network/network-edge.js';
import { buildRoadNetwork, type RoadNetwork, type RoadNetworkSummary } from '../../../core/network/road-network.js';
import { metricSridFor } from '../../../core/region/metric-srid.js';
import { regionMetaSchema } from '../../../core/region/region-files.js';
import type { ErrorCode } from '../../../contract/errors.js';
import type { Database, Query } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import { DomainError } from '../domain-error.js';
import { ANALYZE_LAYER_TABLES, INSERT_NETWORK_EDGES, INSERT_NETWORK_NODES } from '../db/sql/load-region.sql.js';
import type { ImportOptions } from './import-options.js';
import { regionNetworkSnapper, type NetworkSnapper } from './network-snapper.js';
import { OSM_ATTRIBUTION } from './osm-region-import.js';
import {
  planScenarioChanges,
  type LayerChange,
  type ScenarioImpact,
  type ScenarioPlan,
} from './scenario-impact.js';

/** A feature may lie this far from every street or community and still be given the nearest one. */
export const NEAREST_TOLERANCE_METERS = 50;

export interface ImportRequest {
  /** The stored preview this run belongs to, if any. */
  importId: string | null;
  regionId: string;
  fileName: string;
  bytes: Uint8Array;
  options: ImportOptions;
  /** Run inside the import's transaction: first thing, and after a commit's writes. */
  hooks?: {
    before?(query: Query): Promise<void>;
    afterCommit?(query: Query, outcome: ImportOutcome): Promise<void>;
  };
}

export interface PreviewFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: Record<string, unknown> & {
    importLocation: string;
    importStatus: 'ok' | 'repaired' | 'warning' | 'error';
  };
}

export interface ImportOutcome {
  importId: string | null;
  regionId: string;
  layer: ImportLayer;
  mode: 'add' | 'replace';
  createsRegion: boolean;
  /** The metric projection of a region the import creates. */
  metricSrid: number | null;
  file: {
    name: string;
    format: string;
    bytes: number;
    records: number;
    encoding: { encoding: string; from: string } | null;
    crs: { id: string; label: string; from: string } | null;
    /** How the file was read, in English (the command line's report), and the same notes in Chinese (the wizard's). */
    notes: string[];
    notesZh: string[];
  };
  columns: { name: string; samples: string[]; filled: number }[];
  fields: {
    field: string;
    /** The field's Chinese name (e.g. 常住人口), as the Chinese problem texts call it. */
    labelZh: string;
    type: string;
    need: string;
    description: string;
    derivation: string | null;
    derivationZh: string | null;
    codes: string[] | null;
  }[];
  mapping: FieldMapping;
  mappingFrom: Record<string, MappingSource>;
  /** The codes this file's written values are read as (remembered, given or recognised). */
  valueMap: ValueMap;
  /** Written values of coded fields no code is known for: the wizard asks for a value map. */
  unknownValues: Record<string, string[]>;
  geometryFrom: string | null;
  /** The features as they would be written (WGS 84, repaired, with derived fields), for the map. */
  features: { type: 'FeatureCollection'; features: PreviewFeature[] };
  featureCount: number;
  problems: ImportProblem[];
  problemCounts: ReturnType<typeof countProblems>;
  problemsLeftOut: number;
  changes: {
    before: number;
    added: number;
    updated: number;
    removed: number;
    after: number;
    removedIds: string[];
  };
  network: RoadNetworkSummary | null;
  scenarioImpact: ScenarioImpact | null;
  canCommit: boolean;
  committed: boolean;
}

const SAMPLE_VALUES = 5;
const DISTINCT_VALUES_FOR_CODES = 500;
const MAX_LISTED_IDS = 100;

/**
 * Previews (`mode` "preview": nothing is written) or commits an import. Throws DomainError with an
 * `import.*` code when it is refused (a refusal of the data answers the report beside it).
 */
export async function runImport(
  database: Database,
  request: ImportRequest,
  mode: 'preview' | 'commit',
): Promise<ImportOutcome> {
  const { options, regionId } = request;
  const layer = options.layer;
  if (!regionMetaSchema.shape.id.safeParse(regionId).success) {
    throw new DomainError('import.invalid-region-id', { regionId });
  }
  let declaredCrs: CoordinateSystem | null = null;
  if (options.crs) {
    const parsed = parseCrsOption(options.crs);
    if (!parsed.ok)
      throw new DomainError('import.invalid-crs', { reason: parsed.reason, reasonZh: parsed.reasonZh });
    declaredCrs = parsed.crs;
  }
  let table: ImportTable;
  try {
    table = readImportFile(request.fileName, request.bytes, {
      encoding: options.encoding ?? null,
      crs: declaredCrs,
    });
  } catch (error) {
    if (error instanceof ImportFileError)
      throw new DomainError('import.file-unreadable', { reason: error.message, reasonZh: error.messageZh });
    throw error;
  }
  if (table.format === 'osm' && layer !== 'network') {
    throw new DomainError('import.osm-not-network', { fileName: request.fileName });
  }

  // Read before the transaction: the model is loaded through the database's own connection.
  const snapper = layer === 'units' ? await regionNetworkSnapper(database, regionId) : null;
  return database.transaction(async (query) => {
    await request.hooks?.before?.(query);
    const outcome = await new ImportRun(query, request, table, mode, snapper).execute();
    if (outcome.committed) await request.hooks?.afterCommit?.(query, outcome);
    return outcome;
  });
}

interface RegionRow {
  id: string;
  name: string;
  metricSrid: number;
  source: string | null;
}

type Counts = { streets: number; communities: number; units: number; facilities: number; network: number };

class ImportRun {
  private readonly problems: ImportProblem[] = [];
  private readonly layer: ImportLayer;
  private readonly options: ImportOptions;
  private region: RegionRow | null = null;
  private counts: Counts = { streets: 0, communities: 0, units: 0, facilities: 0, network: 0 };
  /** Derived property values by record index. */
  private readonly patches = new Map<number, Record<string, unknown>>();
  private readonly repairedGeometry = new Map<number, unknown>();
  private readonly repairedIndexes = new Set<number>();
  private network: RoadNetwork | null = null;
  private needsWholeRegionStreet = false;
  private unitRehoming: { childId: string; to: string }[] = [];
  private communityRehoming: { childId: string; to: string }[] = [];
  private scenarioCommunityStreets = new Map<string, string>();

  constructor(
    private readonly query: Query,
    private readonly request: ImportRequest,
    private readonly table: ImportTable,
    private readonly mode: 'preview' | 'commit',
    /** Steps units onto the region's network; null when the region has no network (yet). */
    private readonly snapper: NetworkSnapper | null = null,
  ) {
    this.layer = request.options.layer;
    this.options = request.options;
  }

  private report(input: ProblemInput) {
    this.problems.push(makeProblem(input, this.layer));
  }

  async execute(): Promise<ImportOutcome> {
    const { query, request, table, options, layer } = this;
    const regionId = request.regionId;
    const { rows: regions } = await query<RegionRow>(sql.LOCK_REGION, [regionId]);
    this.region = regions[0] ?? null;
    const createsRegion = this.region === null;
    if (createsRegion && !options.create) {
      throw new DomainError('import.region-not-found', { regionId });
    }
    if (!createsRegion && options.create) {
      throw new DomainError('import.region-exists', { regionId });
    }
    if (createsRegion && !options.name) throw new DomainError('import.region-name-required');
    const replace = Boolean(options.replace);

    let extent: Bbox | null = null;
    if (!createsRegion) {
      this.counts = (await query<Counts>(sql.LAYER_COUNTS, [regionId])).rows[0];
      const box = (
        await query<{ west: number | null; south: number; east: number; north: number }>(sql.REGION_EXTENT, [
          regionId,
        ])
      ).rows[0];
      if (box.west !== null) extent = [box.west, box.south, box.east, box.north];
    }
    const existing =
      layer === 'network' || createsRegion ? new Map<string, string | null>() : await this.layerIds(layer);

    // Mapping: remembered for this region and layer (else for the layer elsewhere), guessed, then chosen.
    const remembered = await this.rememberedMapping(regionId);
    let suggested = suggestMapping(layer, table.columns, !table.hasFileGeometry, remembered?.mapping ?? null);
    if (table.format === 'osm')
      suggested = {
        mapping: { class: 'class', bridge: 'bridge' },
        from: { class: 'guessed', bridge: 'guessed' },
      };
    const chosen = applyMappingChoices(suggested, options.mapping);
    const givenValues: ValueMap = mergeValueMaps(remembered?.valueMap ?? {}, options.valueMap ?? {});
    const values = suggestValueMap(
      layer,
      Object.fromEntries(
        Object.entries(chosen.mapping).filter(([, column]) => column && table.columns.includes(column)),
      ),
      (column) => distinctColumnValues(table, column, DISTINCT_VALUES_FOR_CODES),
      givenValues,
    );
    const valueMap = mergeValueMaps(givenValues, values.valueMap);

    const conversion = convertFeatures(table, {
      layer,
      mapping: chosen.mapping,
      valueMap,
      swapAxes: Boolean(options.swapAxes),
      repair: Boolean(options.repair),
      idPrefix: idPrefixFor(request.fileName, layer),
      regionExtent: extent,
      takenIds: replace ? null : new Set(existing.keys()),
    });
    this.problems.push(...conversion.problems);
    const features = conversion.features;
    if (table.records.length === 0)
      this.report({
        code: 'geometry-missing',
        text: { en: 'the file holds no records', zh: '文件中没有任何记录' },
      });

    if (layer === 'network') this.buildNetwork(features, replace);
    else if (features.length > 0) await this.checkInDatabase(features, createsRegion, replace);

    const metricSrid = createsRegion ? metricSridOf(features) : null;
    const newIds = new Set(features.map((feature) => feature.id));
    const changes = this.changes(existing, newIds, replace);

    const canCommit = !hasErrors(this.problems) && (features.length > 0 || this.network !== null);
    let scenarioPlan: ScenarioPlan | null = null;
    if (canCommit && !createsRegion)
      scenarioPlan = await planScenarioChanges(query, regionId, this.layerChange(features, replace));

    const sorted = sortProblems(this.problems);
    const outcome: ImportOutcome = {
      importId: request.importId,
      regionId,
      layer,
      mode: replace ? 'replace' : 'add',
      createsRegion,
      metricSrid,
      file: {
        name: request.fileName,
        format: table.format,
        bytes: request.bytes.length,
        records: table.records.length,
        encoding: table.encoding,
        crs: table.crs ? { id: table.crs.id, label: table.crs.label, from: table.crsFrom } : null,
        notes: table.notes.map((note) => note.en),
        notesZh: table.notes.map((note) => note.zh),
      },
      columns: table.columns.map((name) => ({
        name,
        samples: distinctColumnValues(table, name, SAMPLE_VALUES),
        filled: table.records.filter(
          (record) =>
            record.values[name] !== null && record.values[name] !== undefined && record.values[name] !== '',
        ).length,
      })),
      fields: mappableFields(layer, !table.hasFileGeometry).map((field) => ({
        field: field.field,
        labelZh: field.labelZh,
        type: field.type,
        need: field.need,
        description: field.description,
        derivation: field.derivation ?? null,
        derivationZh: field.derivationZh ?? null,
        codes: field.codes ? field.codes.map((code) => code.id) : null,
      })),
      mapping: Object.fromEntries(Object.entries(chosen.mapping).filter(([, column]) => column !== null)),
      mappingFrom: chosen.from,
      valueMap: values.valueMap,
      unknownValues: values.unknown,
      geometryFrom: conversion.geometryFrom,
      features: { type: 'FeatureCollection', features: this.previewFeatures(features) },
      featureCount: layer === 'network' ? (this.network?.edges.length ?? 0) : features.length,
      problems: sorted.slice(0, MAX_LISTED_PROBLEMS),
      problemCounts: countProblems(sorted),
      problemsLeftOut: Math.max(0, sorted.length - MAX_LISTED_PROBLEMS),
      changes,
      network: this.network ? networkSummary(this.network) : null,
      scenarioImpact: scenarioPlan?.impact ?? null,
      canCommit,
      committed: false,
    };

    if (this.mode === 'preview') return outcome;
    if (!canCommit) {
      const errors = sorted.filter((problem) => problem.severity === 'error');
      if (errors.length === 0)
        throw new DomainError('import.nothing-to-import', { fileName: request.fileName }, reportOf(outcome));
      throw new DomainError(
        'import.has-problems',
        {
          fileName: request.fileName,
          count: errors.length,
          noun: errors.length === 1 ? 'problem' : 'problems',
          first: errors[0].message,
          firstZh: errors[0].messageZh,
        },
        reportOf(outcome),
      );
    }
    if (scenarioPlan?.impact.requiresAcceptance && !options.acceptScenarioChanges) {
      const scenarios = scenarioPlan.impact.scenarios;
      throw new DomainError(
        'import.scenario-changes-unaccepted',
        {
          regionId,
          count: scenarios.length,
          noun: scenarios.length === 1 ? 'scenario' : 'scenarios',
          names: scenarios.map((scenario) => `"${scenario.name}"`).join(', '),
          namesZh: scenarios.map((scenario) => `“${scenario.name}”`).join('、'),
        },
        reportOf(outcome),
      );
    }
    await this.write(outcome, scenarioPlan, metricSrid, replace, chosen.mapping, valueMap);
    return { ...outcome, committed: true };
  }

  private async layerIds(layer: Exclude<ImportLayer, 'network'>): Promise<Map<string, string | null>> {
    const { rows } = await this.query<{ ids: string }>(sql.LAYER_IDS[layer], [this.request.regionId]);
    return new Map(JSON.parse(rows[0].ids) as [string, string | null][]);
  }

  private async rememberedMapping(
    regionId: string,
  ): Promise<{ mapping: FieldMapping; valueMap: ValueMap } | null> {
    const { rows } = await this.query<{ mapping: string; valueMap: string; regionId: string }>(
      sql.REMEMBERED_MAPPING,
      [regionId, this.layer],
    );
    const columns = new Set(this.table.columns);
    for (const row of rows) {
      const mapping = JSON.parse(row.mapping) as FieldMapping;
      // Another region's mapping is suggested only when the file has every column it names.
      if (
        row.regionId === regionId ||
        Object.values(mapping).every((column) => column === null || columns.has(column))
      ) {
        return { mapping, valueMap: JSON.parse(row.valueMap) as ValueMap };
      }
    }
    return null;
  }

  /** Splits road centrelines into edges (core); the network is replaced as a whole. */
  private buildNetwork(features: ImportFeature[], replace: boolean) {
    if (this.counts.network > 0 && !replace) {
      this.report({
        code: 'id-exists',
        text: {
          en: `the region has a network of ${this.counts.network} edges: a network is replaced as a whole (pass --replace)`,
          zh: `区域已有 ${this.counts.network} 条路段的道路网：道路网只能整体替换（勾选“替换整个图层”，命令行 --replace）`,
        },
      });
    }
    const usable = features.filter((feature) => !feature.hasErrors);
    this.network = buildRoadNetwork(
      usable.map((feature) => ({
        lines:
          feature.geometry.type === 'LineString'
            ? [feature.geometry.coordinates]
            : (feature.geometry.coordinates as [number, number][][]),
        edgeClass: isEdgeClass(feature.properties.class) ? feature.properties.class : 'street',
        bridge: feature.properties.bridge === true,
        featureId: feature.id,
      })),
    );
    if (this.network.edges.length === 0)
      this.report({
        code: 'geometry-missing',
        field: 'geometry',
        text: { en: 'no usable road lines: the network would be empty', zh: '没有可用的道路线：道路网将为空' },
      });
    if (this.network.droppedLines > 0) {
      this.report({
        severity: 'warning',
        code: 'geometry-malformed',
        field: 'geometry',
        text: {
          en: `${this.network.droppedLines} closed lines of fewer than three distinct vertices were left out`,
          zh: `${this.network.droppedLines} 条首尾相接、但不同顶点少于三个的线已略去`,
        },
      });
    }
    if (this.network.componentNodeCounts.length > 1) {
      this.report({
        severity: 'warning',
        code: 'derived',
        field: 'geometry',
        text: {
          en:
            `the network has ${this.network.componentNodeCounts.length} separate pieces (largest ${this.network.componentNodeCounts[0]} of ${this.network.nodes.length} nodes): ` +
            'roads join only where they share a vertex; snap crossings in your GIS if they should connect',
          zh:
            `道路网分为 ${this.network.componentNodeCounts.length} 个互不连通的部分（${this.network.nodes.length} 个节点中最大的部分有 ${this.network.componentNodeCounts[0]} 个）：` +
            '道路只在共用顶点处相连；如果交叉处应当连通，请在 GIS 软件中捕捉对齐',
        },
      });
    }
  }

  /** PostGIS: validity (and repair), the street or community of each feature, and what a replacement re-homes. */
  private async checkInDatabase(features: ImportFeature[], createsRegion: boolean, replace: boolean) {
    const { query, layer } = this;
    const regionId = this.request.regionId;
    const byIndex = new Map(features.map((feature) => [feature.index, feature]));
    await query(sql.CREATE_IMPORT_FEATURES);
    await query(sql.LOAD_IMPORT_FEATURES, [
      JSON.stringify(
        features.map((feature) => ({
          ordinal: feature.index,
          id: feature.id,
          props: feature.properties,
          geometry: feature.geometry,
        })),
      ),
    ]);
    await query(sql.INDEX_IMPORT_FEATURES);

    const invalid = (await query<{ ordinal: number; reason: string }>(sql.FLAG_INVALID_FEATURES)).rows;
    const where = (ordinal: number) => ({
      index: ordinal,
      location: byIndex.get(ordinal)!.location,
      featureId: byIndex.get(ordinal)!.id,
      field: 'geometry',
    });
    if (invalid.length > 0) {
      if (this.options.repair) {
        const metricSrid = this.region?.metricSrid ?? metricSridOf(features)!;
        const repaired = (
          await query<{
            ordinal: number;
            parts: number;
            empty: boolean;
            validNow: boolean;
            areaSquareMeters: number;
          }>(sql.REPAIR_INVALID_FEATURES, [metricSrid])
        ).rows;
        const reasons = new Map(invalid.map((row) => [row.ordinal, row.reason]));
        for (const row of repaired) {
          if (row.empty || !row.validNow) {
            this.report({
              ...where(row.ordinal),
              code: 'invalid-geometry',
              text: {
                en: `invalid geometry (${reasons.get(row.ordinal)}) that ST_MakeValid cannot turn into a polygon`,
                zh: `几何无效（${validityReasonZh(reasons.get(row.ordinal) ?? '')}），ST_MakeValid 无法把它修复成面`,
              },
            });
          } else {
            this.repairedIndexes.add(row.ordinal);
            this.report({
              ...where(row.ordinal),
              severity: 'note',
              code: 'repaired',
              text: {
                en: `invalid geometry (${reasons.get(row.ordinal)}) repaired with ST_MakeValid: now ${row.parts} polygon${row.parts === 1 ? '' : 's'} of ${Math.round(row.areaSquareMeters)} m²`,
                zh: `几何无效（${validityReasonZh(reasons.get(row.ordinal) ?? '')}），已用 ST_MakeValid 修复：现为 ${row.parts} 个面，共 ${Math.round(row.areaSquareMeters)} 平方米`,
              },
            });
          }
        }
        await query(sql.MARK_REPAIRED_VALID);
        for (const row of (await query<{ ordinal: number; geometry: string }>(sql.REPAIRED_GEOMETRIES)).rows)
          this.repairedGeometry.set(row.ordinal, JSON.parse(row.geometry));
      } else {
        for (const row of invalid) {
          this.report({
            ...where(row.ordinal),
            code: 'invalid-geometry',
            text: {
              en: `invalid geometry: ${row.reason}; pass --repair (API: "repair": true) to fix it with ST_MakeValid`,
              zh: `几何无效：${validityReasonZh(row.reason)}；勾选“修复无效几何”（命令行 --repair）可用 ST_MakeValid 修复`,
            },
          });
        }
      }
    }

    const patch = (index: number, values: Record<string, unknown>) =>
      this.patches.set(index, { ...(this.patches.get(index) ?? {}), ...values });
    if (layer === 'facilities')
      await this.deriveParents(features, 'communityId', 'communities', false, patch);
    if (layer === 'units') {
      if (!createsRegion && this.counts.communities > 0)
        await this.deriveParents(features, 'communityId', 'communities', true, patch);
      else
        this.report({
          code: 'no-parent',
          field: 'communityId',
          text: {
            en: 'units belong to communities and the region has none: import its communities first',
            zh: '人口单元隶属于社区，而区域还没有社区：请先导入社区',
          },
        });
      // Without a network (a region still being built) a unit's own point is where it is reached.
      const toNetwork = this.snapper ?? ((position: [number, number]) => position);
      const points = (
        await query<{ ordinal: number; lon: number; lat: number }>(sql.POINTS_ON_SURFACE_OF_IMPORT_FEATURES)
      ).rows.map((row) => {
        const [accessLon, accessLat] = toNetwork([row.lon, row.lat]);
        return { ...row, accessLon, accessLat };
      });
      for (const row of points)
        patch(row.ordinal, {
          accessPoint: [round9(row.accessLon), round9(row.accessLat)],
          pointOnSurface: [row.lon, row.lat],
        });
    }
    if (layer === 'communities') {
      if (!createsRegion && this.counts.streets > 0)
        await this.deriveParents(features, 'streetId', 'streets', true, patch);
      else if (features.some((feature) => feature.properties.streetId !== null)) {
        this.report({
          code: 'unknown-reference',
          field: 'streetId',
          text: {
            en: 'the region has no streets to refer to: import its streets first, or leave streetId unmapped (one street covering every community is made)',
            zh: '区域还没有可对应的街道：请先导入街道，或者不为“所属街道”对应文件列（将生成一个覆盖所有社区的街道）',
          },
        });
      } else {
        this.needsWholeRegionStreet = true;
        for (const feature of features) patch(feature.index, { streetId: WHOLE_REGION_STREET_ID });
        this.report({
          severity: 'note',
          code: 'derived',
          field: 'streetId',
          text: {
            en: `the region has no streets: one street "${WHOLE_REGION_STREET_ID}" covering every community is made (import streets later to replace it)`,
            zh: `区域还没有街道：将生成一个覆盖所有社区的街道“${WHOLE_REGION_STREET_ID}”（以后导入街道时替换它）`,
          },
        });
      }
      if (replace && this.counts.units > 0)
        this.unitRehoming = await this.rehome(sql.UNITS_IN_NEW_COMMUNITIES, 'unit', 'community');
      if (
        this.counts.units > 0 &&
        (this.options.mapping?.residents ||
          this.options.mapping?.households ||
          features.some((feature) => feature.properties.residents !== null))
      ) {
        this.report({
          severity: 'note',
          code: 'derived',
          field: 'residents',
          text: {
            en: "the region has population units: communities' residents and households are the sums of their units (the file's figures are not used)",
            zh: '区域已有人口单元：社区的常住人口和户数取其人口单元之和（不使用文件中的数字）',
          },
        });
      }
    }
    if (layer === 'streets' && replace && this.counts.communities > 0) {
      this.communityRehoming = await this.rehome(sql.COMMUNITIES_IN_NEW_STREETS, 'community', 'street');
      const scenarioRows = await this.rehome(
        sql.SCENARIO_COMMUNITIES_IN_NEW_STREETS,
        'scenario community',
        'street',
      );
      this.scenarioCommunityStreets = new Map(scenarioRows.map((row) => [row.childId, row.to]));
    }
    if (this.patches.size > 0) {
      await query(sql.PATCH_IMPORT_FEATURES, [
        JSON.stringify([...this.patches].map(([ordinal, values]) => ({ ordinal, patch: values }))),
      ]);
    }
  }

  /**
   * Resolves a mapped reference (by id, else by name) or derives it from where the feature lies
   * (PostGIS). `required`: a feature with no parent within NEAREST_TOLERANCE_METERS is an error.
   */
  private async deriveParents(
    features: ImportFeature[],
    field: 'communityId' | 'streetId',
    table: 'communities' | 'streets',
    required: boolean,
    patch: (index: number, values: Record<string, unknown>) => void,
  ) {
    const targets = await this.layerIds(table);
    const byName = new Map<string, string[]>();
    for (const [id, name] of targets) if (name) byName.set(name, [...(byName.get(name) ?? []), id]);
    const column = this.options.mapping?.[field] ?? null;
    const mapped = features.some(
      (feature) => feature.properties[field] !== null && feature.properties[field] !== undefined,
    );
    const derive: ImportFeature[] = [];
    // A feature already refused for where it lies (outside the region) is not given a parent too.
    const misplaced = new Set(
      this.problems
        .filter((problem) => problem.severity === 'error' && problem.field === 'geometry')
        .map((problem) => problem.index),
    );
    for (const feature of features) {
      if (misplaced.has(feature.index)) continue;
      const value = feature.properties[field];
      const at = {
        index: feature.index,
        location: feature.location,
        featureId: feature.id,
        field,
        column: column ?? null,
      };
      if (typeof value !== 'string') {
        derive.push(feature);
        continue;
      }
      if (targets.has(value)) continue;
      const named = byName.get(value) ?? [];
      if (named.length === 1) patch(feature.index, { [field]: named[0] });
      else if (named.length > 1)
        this.report({
          ...at,
          code: 'unknown-reference',
          text: {
            en: `"${value}" names ${named.length} ${table} (${named.join(', ')}): use the id`,
            zh: `“${value}”对应 ${named.length} 个${LAYER_NAMES_ZH[table]}（${named.join('、')}）：请使用编号`,
          },
        });
      else {
        const known = [...targets].slice(0, 20).map(([id, name]) => (name ? `${id} ${name}` : id));
        this.report({
          ...at,
          code: 'unknown-reference',
          text: {
            en: `"${value}" is neither the id nor the name of one of the region's ${table} (${known.join(', ')}${targets.size > 20 ? ', …' : ''})`,
            zh: `“${value}”既不是区域中任何${LAYER_NAMES_ZH[table]}的编号，也不是其名称（${known.join('、')}${targets.size > 20 ? '……' : ''}）`,
          },
        });
      }
    }
    if (derive.length === 0) return;
    const statement = table === 'streets' ? sql.STREET_OF_IMPORT_FEATURES : sql.COMMUNITY_OF_IMPORT_FEATURES;
    const { rows } = await this.query<{
      ordinal: number;
      parentId: string | null;
      how: string | null;
      meters: number | null;
    }>(statement, [this.request.regionId]);
    const found = new Map(rows.map((row) => [row.ordinal, row]));
    let outside = 0;
    for (const feature of derive) {
      const row = found.get(feature.index);
      const at = { index: feature.index, location: feature.location, featureId: feature.id, field };
      if (!row) continue; // invalid geometry, reported already
      const singular = table === 'streets' ? 'street' : 'community';
      const singularZh = table === 'streets' ? '街道' : '社区';
      if (row.how === 'inside' || row.how === 'overlap') patch(feature.index, { [field]: row.parentId });
      else if (!required) {
        patch(feature.index, { [field]: null });
        outside += 1;
      } else if (row.how === 'nearest' && row.meters !== null && row.meters <= NEAREST_TOLERANCE_METERS) {
        patch(feature.index, { [field]: row.parentId });
        this.report({
          ...at,
          severity: 'warning',
          code: 'derived',
          text: {
            en: `lies in no ${singular}: given the nearest, ${row.parentId}, ${row.meters.toFixed(1)} m away`,
            zh: `不在任何${singularZh}内：已归入最近的 ${row.parentId}，相距 ${row.meters.toFixed(1)} 米`,
          },
        });
      } else {
        this.report({
          ...at,
          code: 'no-parent',
          text: {
            en: `lies in no ${singular} of the region${row.meters !== null ? ` (the nearest, ${row.parentId}, is ${Math.round(row.meters)} m away)` : ''}: map a ${field} column or fix the geometry`,
            zh: `不在区域的任何${singularZh}内${row.meters !== null ? `（最近的 ${row.parentId} 相距 ${Math.round(row.meters)} 米）` : ''}：请为“${fieldLabelZh(field, this.layer)}”对应文件列，或修正几何`,
          },
        });
      }
    }
    if (outside > 0 && !mapped) {
      this.report({
        severity: 'note',
        code: 'derived',
        field,
        text: {
          en: `${outside} of ${features.length} features lie in no community (their communityId is empty)`,
          zh: `${features.length} 个要素中有 ${outside} 个不在任何社区内（其所属社区为空）`,
        },
      });
    }
  }

  /** Where each existing child goes among the new features (a replaced parent layer); refusals name the child. */
  private async rehome(
    statement: string,
    child: 'unit' | 'community' | 'scenario community',
    parent: 'community' | 'street',
  ): Promise<{ childId: string; to: string }[]> {
    const childZh = { unit: '人口单元', community: '社区', 'scenario community': '方案社区' }[child];
    const parentZh = { community: '社区', street: '街道' }[parent];
    const { rows } = await this.query<{
      childId: string;
      from: string;
      to: string | null;
      how: string | null;
      meters: number | null;
    }>(statement, [this.request.regionId]);
    const moves: { childId: string; to: string }[] = [];
    for (const row of rows) {
      const location = `${child} "${row.childId}" (in the region)`;
      const locationZh = `区域中的${childZh}“${row.childId}”`;
      if (row.to !== null && (row.how === 'inside' || row.how === 'overlap'))
        moves.push({ childId: row.childId, to: row.to });
      else if (row.to !== null && row.meters !== null && row.meters <= NEAREST_TOLERANCE_METERS) {
        moves.push({ childId: row.childId, to: row.to });
        this.report({
          severity: 'warning',
          code: 'derived',
          location,
          locationZh,
          text: {
            en: `lies in no ${parent} of the new layer: given the nearest, ${row.to}, ${row.meters.toFixed(1)} m away`,
            zh: `不在新图层的任何${parentZh}内：已归入最近的 ${row.to}，相距 ${row.meters.toFixed(1)} 米`,
          },
        });
      } else {
        this.report({
          code: 'no-parent',
          location,
          locationZh,
          text: {
            en: `lies in no ${parent} of the new layer${row.to !== null && row.meters !== null ? ` (the nearest, ${row.to}, is ${Math.round(row.meters)} m away)` : ''}: the new layer must cover every ${child} of the region`,
            zh: `不在新图层的任何${parentZh}内${row.to !== null && row.meters !== null ? `（最近的 ${row.to} 相距 ${Math.round(row.meters)} 米）` : ''}：新图层必须覆盖区域中的每个${childZh}`,
          },
        });
      }
    }
    return moves;
  }

  private changes(
    existing: Map<string, string | null>,
    newIds: Set<string>,
    replace: boolean,
  ): ImportOutcome['changes'] {
    if (this.layer === 'network') {
      const before = this.counts.network;
      const after = this.network?.edges.length ?? 0;
      return { before, added: after, updated: 0, removed: before, after, removedIds: [] };
    }
    const added = [...newIds].filter((id) => !existing.has(id)).length;
    const updated = newIds.size - added;
    const removedIds = replace ? [...existing.keys()].filter((id) => !newIds.has(id)) : [];
    return {
      before: existing.size,
      added,
      updated,
      removed: removedIds.length,
      after: replace ? newIds.size : existing.size + added,
      removedIds: removedIds.slice(0, MAX_LISTED_IDS),
    };
  }

  private layerChange(features: ImportFeature[], replace: boolean): LayerChange {
    switch (this.layer) {
      case 'facilities':
      case 'network':
        return { layer: this.layer, replace };
      case 'streets':
        return {
          layer: 'streets',
          replace,
          communityStreets: new Map(this.communityRehoming.map((move) => [move.childId, move.to])),
          scenarioCommunityStreets: this.scenarioCommunityStreets,
        };
      case 'communities':
        return {
          layer: 'communities',
          replace,
          unitCommunities: new Map(this.unitRehoming.map((move) => [move.childId, move.to])),
        };
      case 'units': {
        const units = new Map<string, { communityId: string; lon: number; lat: number }>();
        for (const feature of features) {
          const props = { ...feature.properties, ...(this.patches.get(feature.index) ?? {}) };
          const [lon, lat] = (props.pointOnSurface as [number, number] | undefined) ?? [0, 0];
          units.set(feature.id, { communityId: String(props.communityId), lon, lat });
        }
        return { layer: 'units', replace, units };
      }
    }
  }

  private previewFeatures(features: ImportFeature[]): PreviewFeature[] {
    const statusOf = new Map<number, PreviewFeature['properties']['importStatus']>();
    for (const problem of this.problems) {
      if (problem.index === null) continue;
      const current = statusOf.get(problem.index);
      if (problem.severity === 'error') statusOf.set(problem.index, 'error');
      else if (problem.severity === 'warning' && current !== 'error') statusOf.set(problem.index, 'warning');
    }
    if (this.layer === 'network' && this.network) {
      return this.network.edges.map((edge) => ({
        type: 'Feature',
        id: String(edge.id),
        geometry: { type: 'LineString', coordinates: edge.coordinates },
        properties: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          lengthMeters: Math.round(edge.lengthMeters * 100) / 100,
          class: edge.edgeClass,
          bridge: edge.bridge,
          importLocation: `from feature ${edge.featureId}`,
          importStatus: 'ok',
        },
      }));
    }
    return features.map((feature) => {
      const { pointOnSurface: _pointOnSurface, ...patch } = this.patches.get(feature.index) ?? {};
      const repaired = this.repairedIndexes.has(feature.index);
      const status = statusOf.get(feature.index) ?? (repaired ? 'repaired' : 'ok');
      return {
        type: 'Feature',
        id: feature.id,
        geometry: this.repairedGeometry.get(feature.index) ?? feature.geometry,
        properties: {
          ...feature.properties,
          ...patch,
          importLocation: feature.location,
          importStatus: status,
        },
      };
    });
  }

  /** Writes the import (the caller's transaction makes it all or nothing). */
  private async write(
    outcome: ImportOutcome,
    scenarioPlan: ScenarioPlan | null,
    metricSrid: number | null,
    replace: boolean,
    mapping: FieldMapping,
    valueMap: ValueMap,
  ) {
    const { query, layer, request } = this;
    const regionId = request.regionId;
    const today = new Date().toISOString().slice(0, 10);
    const what = `${layer} ${replace ? 'replaced' : 'added'} from ${request.fileName} (${outcome.file.format}, ${outcome.file.crs?.id ?? 'WGS 84'}) on ${today}`;
    if (outcome.createsRegion) {
      await query(sql.INSERT_REGION, [
        regionId,
        this.options.name,
        this.options.nameEn ?? null,
        metricSrid,
        `imported: ${what}`,
        null,
      ]);
    }
    // OSM data is ODbL: the region carries the attribution wherever it is shown.
    if (outcome.file.format === 'osm') await query(sql.ADD_ATTRIBUTION, [regionId, OSM_ATTRIBUTION]);
    switch (layer) {
      case 'streets':
        await query(sql.UPSERT_STREETS, [regionId]);
        if (replace) {
          if (this.communityRehoming.length > 0)
            await query(sql.SET_COMMUNITY_STREETS, [
              regionId,
              JSON.stringify(this.communityRehoming.map((move) => ({ id: move.childId, to: move.to }))),
            ]);
          await query(sql.DELETE_VANISHED.streets, [regionId]);
        }
        break;
      case 'communities':
        if (this.needsWholeRegionStreet)
          await query(sql.INSERT_WHOLE_REGION_STREET, [
            regionId,
            WHOLE_REGION_STREET_ID,
            `${this.region?.name ?? this.options.name}（全域）`,
          ]);
        await query(sql.UPSERT_COMMUNITIES, [regionId]);
        if (replace) {
          if (this.unitRehoming.length > 0)
            await query(sql.SET_UNIT_COMMUNITIES, [
              regionId,
              JSON.stringify(this.unitRehoming.map((move) => ({ id: move.childId, to: move.to }))),
            ]);
          await query(sql.DELETE_VANISHED.communities, [regionId]);
          await query(sql.REHOME_ORPHAN_FACILITIES, [regionId]);
        }
        if (this.counts.units > 0) await query(sql.RECOMPUTE_COMMUNITY_TOTALS, [regionId]);
        break;
      case 'units':
        await query(sql.UPSERT_UNITS, [regionId]);
        if (replace) await query(sql.DELETE_VANISHED.units, [regionId]);
        await query(sql.RECOMPUTE_COMMUNITY_TOTALS, [regionId]);
        break;
      case 'facilities':
        if (replace) await query(sql.DELETE_FACILITIES, [regionId]);
        await query(sql.INSERT_FACILITIES, [regionId]);
        break;
      case 'network': {
        const network = this.network!;
        await query(sql.DELETE_NETWORK_EDGES, [regionId]);
        await query(sql.DELETE_NETWORK_NODES, [regionId]);
        await query(INSERT_NETWORK_NODES, [regionId, JSON.stringify(network.nodes)]);
        await query(INSERT_NETWORK_EDGES, [regionId, JSON.stringify(network.edges.map(networkEdgeFeature))]);
        if (this.counts.units > 0) await query(sql.RESNAP_ACCESS_POINTS, [regionId]);
        break;
      }
    }
    await scenarioPlan?.apply(query);
    if (layer === 'units' || layer === 'communities')
      for (const statement of sql.RESET_SCENARIO_BASE) await query(statement, [regionId]);
    if (!outcome.createsRegion) {
      const source = this.region?.source ? `${this.region.source}; ${what}` : `imported: ${what}`;
      await query(sql.TOUCH_REGION, [regionId, source]);
    }
    await query(sql.SAVE_MAPPING, [
      regionId,
      layer,
      JSON.stringify(mapping),
      JSON.stringify(valueMap),
      request.fileName,
    ]);
    // The embedded database has no autovacuum: statistics are renewed where tables change (here and
    // in loadRegion), so previews, which write nothing, need not analyse again.
    await query(ANALYZE_LAYER_TABLES);
  }
}

/** What is kept of a committed import, and answered beside a refusal of its data: all but the features. */
export type ImportReport = Omit<ImportOutcome, 'features' | 'columns' | 'fields'>;

/** The outcome without its features, columns and fields. */
export function reportOf(outcome: ImportOutcome): ImportReport {
  const { features: _features, columns: _columns, fields: _fields, ...report } = outcome;
  return report;
}

/** The codes of refusals that answer the import's report beside the error. */
const REFUSALS_WITH_REPORT: readonly ErrorCode[] = [
  'import.has-problems',
  'import.nothing-to-import',
  'import.scenario-changes-unaccepted',
];

/** The report a refused import answered beside its error, or null for refusals without one. */
export function refusedImportReport(error: DomainError): ImportReport | null {
  return REFUSALS_WITH_REPORT.includes(error.code) ? (error.extra as ImportReport) : null;
}

/** The street made for communities imported into a region that has none. */
export const WHOLE_REGION_STREET_ID = 's-whole-region';

function mergeValueMaps(base: ValueMap, over: ValueMap): ValueMap {
  const merged: ValueMap = {};
  for (const source of [base, over])
    for (const [field, values] of Object.entries(source))
      merged[field] = { ...(merged[field] ?? {}), ...values };
  return merged;
}

/** Generated ids start with the file name in lower-case ASCII (else the layer's letter). */
export function idPrefixFor(fileName: string, layer: ImportLayer): string {
  const stem = fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  return stem !== ''
    ? stem
    : { streets: 's', communities: 'c', units: 'u', facilities: 'f', network: 'e' }[layer];
}

function round9(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** The metric SRID for a region made from these features (the Gauss–Krüger zone of their centre). */
function metricSridOf(features: ImportFeature[]): number | null {
  const [west, south, east, north] = bboxOfCoordinates(features.map((feature) => feature.geometry.coordinates));
  return isEmptyBbox([west, south, east, north]) ? null : metricSridFor((west + east) / 2, (south + north) / 2);
}

function networkSummary(network: RoadNetwork): NonNullable<ImportOutcome['network']> {
  return {
    edges: network.edges.length,
    nodes: network.nodes.length,
    components: network.componentNodeCounts.length,
    largestComponentNodes: network.componentNodeCounts[0] ?? 0,
    lengthMeters: Math.round(network.edges.reduce((sum, edge) => sum + edge.lengthMeters, 0)),
  };
}

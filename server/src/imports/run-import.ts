/**
 * One import, previewed or committed, as a sequence of steps each in a module of its own: the file
 * read and converted (read-upload.ts) with the mapping chosen (choose-mapping.ts); then the
 * features checked against the region in PostGIS (region-check.ts, re-homing in rehome.ts) or split
 * into a network (import-network.ts); the region's scenarios told what it does to them
 * (scenario-impact.ts); and on a commit everything written (write-import.ts). A preview writes
 * nothing and runs outside any transaction, locking nothing: scenarios are created and saved while
 * it checks (a preview once held the region 15 s). A commit runs in one transaction with the region
 * locked, and writes all of it or, on any error or an unaccepted scenario change, nothing
 * (import-refusals.ts says why).
 */
import { encodingLabel } from '../../../core/formats/text-encoding.js';
import { mappableFields } from '../../../core/import/field-mapping.js';
import {
  countProblems,
  hasErrors,
  MAX_LISTED_PROBLEMS,
  ProblemLog,
  sortProblems,
} from '../../../core/import/import-problems.js';
import { distinctColumnValues, type ImportTable } from '../../../core/import/read-import-file.js';
import { summarizeRoadNetwork, type RoadNetwork } from '../../../core/network/road-network.js';
import type { Database, Query } from '../db/client.js';
import {
  DROP_IMPORT_FEATURES,
  DROP_STAGED_IMPORT_FEATURES_VIEW,
  STAGED_IMPORT_FEATURES_VIEW,
} from '../db/sql/imports.sql.js';
import { chooseMapping, rememberedMapping } from './choose-mapping.js';
import { buildImportNetwork } from './import-network.js';
import type { ImportOptions } from '../../../contract/import-options.js';
import type { PreviewFeatureProperties } from '../../../contract/imports.js';
import { countLayerChanges, previewFeatures, type ImportOutcome } from './import-outcome.js';
import { problemsRefusal, scenarioChangesRefusal } from './import-refusals.js';
import { lazySnapper, regionNetworkSnapper, type LazySnapper } from './network-snapper.js';
import { convertUpload, readUpload } from './read-upload.js';
import {
  checkAgainstRegion,
  emptyRegionCheck,
  layerIds,
  metricSridOfFeatures,
  readImportRegion,
} from './region-check.js';
import { layerChangeOf, planScenarioChanges, type ScenarioPlan } from './scenario-impact.js';
import { writeImport } from './write-import.js';
import {
  readStaging,
  stagedCheck,
  stagedLayerChange,
  stagedOutcome,
  type CheckedImport,
  type StagedImport,
} from './import-staging.js';
import { importTimer, timedQuery } from './import-timing.js';

export interface ImportRequest {
  /** The stored preview this run belongs to, if any. */
  importId: string | null;
  regionId: string;
  fileName: string;
  bytes: Uint8Array;
  options: ImportOptions;
  /** What each of a preview's features carries (contract/imports.ts); "status" when not given. */
  previewFeatureProperties?: PreviewFeatureProperties;
  /** Run inside the import's transaction: first thing, and after a commit's writes. */
  hooks?: {
    before?(query: Query): Promise<void>;
    afterCommit?(query: Query, outcome: ImportOutcome): Promise<void>;
    /** Run in a preview's session after its check, while its features are still in import_features. */
    afterPreview?(query: Query, checked: CheckedImport): Promise<void>;
    /**
     * Run in a preview's session after its answer was handed back (the features still in
     * import_features); the next import on the database, a commit among them, waits for it.
     */
    afterAnswer?(query: Query, checked: CheckedImport): Promise<void>;
  };
}

/** Sample values shown per column. */
const SAMPLE_VALUES = 5;

/**
 * Previews (`mode` "preview": nothing is written) or commits an import. Throws DomainError with an
 * `import.*` code when it is refused (a refusal of the data answers the report beside it).
 */
export async function runImport(
  database: Database,
  request: ImportRequest,
  mode: 'preview' | 'commit',
): Promise<ImportOutcome> {
  // A preview answers before its afterAnswer work (staging) is done; the queue holds the whole run.
  let answer: (outcome: ImportOutcome) => void = () => undefined;
  const answered = new Promise<ImportOutcome>((resolve) => (answer = resolve));
  const run = oneImportAtATime(database, async () => {
    const mark = importTimer(`${mode} ${request.options.layer}`);
    const table = readUpload(request);
    mark('read the file');
    // A commit's is read before its transaction (the model is loaded through the database's own
    // connection); a preview, which locks nothing, reads it only if a unit needs snapping.
    const snapper =
      request.options.layer !== 'units'
        ? null
        : mode === 'preview'
          ? lazySnapper(() => regionNetworkSnapper(database, request.regionId))
          : await readyNow(regionNetworkSnapper(database, request.regionId));
    mark('network snapper');
    if (mode === 'preview')
      return database.session(async (sessionQuery) => {
        const query = timedQuery(sessionQuery);
        try {
          return await checkAndWrite(query, request, table, mode, snapper, mark, answer);
        } finally {
          await query(DROP_IMPORT_FEATURES);
          mark('done');
        }
      });
    return database.transaction(async (transactionQuery) => {
      const query = timedQuery(transactionQuery);
      await request.hooks?.before?.(query);
      const outcome = await checkAndWrite(query, request, table, mode, snapper, mark);
      await query(DROP_IMPORT_FEATURES);
      if (outcome.committed) await request.hooks?.afterCommit?.(query, outcome);
      mark('done');
      return outcome;
    });
  });
  return Promise.race([answered, run]);
}

/** Waits for the imports running on `database` (a preview's staging after its answer among them) to end. */
export async function importsSettled(database: Database): Promise<void> {
  await importsRunning.get(database)?.catch(() => undefined);
}

/** A staged preview's region changed since (or its rows are gone): its commit checks the stored file again. */
export class StagingOutdated extends Error {
  constructor() {
    super('the staged features of this preview are outdated');
  }
}

/**
 * Commits a preview from its staged features (import-staging.ts) in one transaction with the
 * region locked: the scenario plan is worked out again (scenarios may have changed since the
 * preview), then the writes are those of a checked import. Throws StagingOutdated, writing nothing,
 * when the region's load stamp is no longer the preview's or its staged rows are no longer all there.
 */
export async function runStagedCommit(
  database: Database,
  request: ImportRequest,
  staged: StagedImport,
): Promise<ImportOutcome> {
  const { regionId, options } = request;
  const importId = request.importId!;
  return oneImportAtATime(database, () =>
    database.transaction(async (transactionQuery) => {
      const mark = importTimer(`staged commit ${options.layer}`);
      const query = timedQuery(transactionQuery);
      await request.hooks?.before?.(query);
      const region = await readImportRegion(query, regionId, options, true);
      if (region.row?.stamp !== staged.stamp) throw new StagingOutdated();
      // The commit read its staging before it queued: a later preview of the layer may have taken
      // the staged rows since (UNSTAGE_EARLIER_PREVIEWS), and a replace from fewer rows would delete the rest.
      if ((await readStaging(query, importId))?.featureCount !== staged.featureCount)
        throw new StagingOutdated();
      await query(DROP_IMPORT_FEATURES);
      await query(STAGED_IMPORT_FEATURES_VIEW(importId));
      const check = stagedCheck(staged);
      const outcome = stagedOutcome(staged, importId);
      mark('region locked, staged features read');
      const scenarioPlan = await planScenarioChanges(
        query,
        regionId,
        await stagedLayerChange(query, staged, check),
      );
      outcome.scenarioImpact = scenarioPlan.impact;
      mark('scenario plan');
      if (scenarioPlan.impact.requiresAcceptance && !options.acceptScenarioChanges)
        throw scenarioChangesRefusal(outcome, scenarioPlan.impact);
      await writeImport(query, {
        outcome,
        region,
        names: { name: options.name, nameEn: options.nameEn },
        replace: Boolean(options.replace),
        check,
        network: null,
        scenarioPlan,
        mapping: staged.mapping,
        valueMap: staged.valueMap,
        today: new Date().toISOString().slice(0, 10),
      });
      mark('written');
      await query(DROP_STAGED_IMPORT_FEATURES_VIEW);
      await query(DROP_IMPORT_FEATURES);
      const committed = { ...outcome, committed: true };
      await request.hooks?.afterCommit?.(query, committed);
      mark('done');
      return committed;
    }),
  );
}

/** The import running on each database, which the next one waits for. */
const importsRunning = new WeakMap<Database, Promise<unknown>>();

/**
 * Runs imports on one database one after another: each holds its file's features in memory, and
 * they share the temporary table's name, which the embedded database's one session would mix up.
 */
async function oneImportAtATime<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const before = importsRunning.get(database) ?? Promise.resolve();
  const running = before.catch(() => undefined).then(work);
  importsRunning.set(database, running);
  return running;
}

/** The steps of the check (a preview's session, a commit's transaction): check everything, then refuse, answer the preview, or write. */
async function checkAndWrite(
  query: Query,
  request: ImportRequest,
  table: ImportTable,
  mode: 'preview' | 'commit',
  snapper: LazySnapper | null,
  mark: (label: string) => void,
  answer: (outcome: ImportOutcome) => void = () => undefined,
): Promise<ImportOutcome> {
  const { options, regionId, fileName } = request;
  const { layer } = options;
  const replace = Boolean(options.replace);
  const log = new ProblemLog(layer);

  const region = await readImportRegion(query, regionId, options, mode === 'commit');
  const existingIds: ReadonlySet<string> =
    layer === 'network' || region.createsRegion
      ? new Set()
      : new Set((await layerIds(query, regionId, layer)).keys());
  const chosen = chooseMapping(
    table,
    layer,
    options,
    await rememberedMapping(query, regionId, layer, table.columns),
  );
  const conversion = convertUpload(
    table,
    {
      layer,
      fileName,
      mapping: chosen.mapping,
      valueMap: chosen.valueMap,
      options,
      regionExtent: region.extent,
      takenIds: replace ? null : existingIds,
    },
    log,
  );
  const { features } = conversion;
  mark('region, mapping and conversion');

  let network: RoadNetwork | null = null;
  let check = emptyRegionCheck();
  if (layer === 'network')
    network = buildImportNetwork(features, { edgesBefore: region.counts.network, replace }, log);
  else if (features.length > 0)
    check = await checkAgainstRegion(
      query,
      region,
      layer,
      features,
      options,
      snapper,
      log,
      mode === 'commit',
    );

  mark('checked against the region');
  const canCommit = !hasErrors(log.problems) && (features.length > 0 || network !== null);
  let scenarioPlan: ScenarioPlan | null = null;
  if (canCommit && !region.createsRegion)
    scenarioPlan = await planScenarioChanges(query, regionId, layerChangeOf(layer, replace, features, check));

  mark('scenario plan');
  const sorted = sortProblems(log.problems);
  const outcome: ImportOutcome = {
    importId: request.importId,
    regionId,
    layer,
    mode: replace ? 'replace' : 'add',
    createsRegion: region.createsRegion,
    metricSrid: region.createsRegion ? metricSridOfFeatures(features) : null,
    file: {
      name: fileName,
      format: table.format,
      bytes: request.bytes.length,
      records: table.records.length,
      encoding: table.encoding && {
        encoding: table.encoding.encoding,
        from: table.encoding.from,
        named: table.encoding.named ?? null,
        label: encodingLabel(table.encoding.encoding).en,
        labelZh: encodingLabel(table.encoding.encoding).zh,
      },
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
    mappingFrom: chosen.mappingFrom,
    valueMap: chosen.suggestedValueMap,
    unknownValues: chosen.unknownValues,
    geometryFrom: conversion.geometryFrom,
    features: {
      type: 'FeatureCollection',
      // Only a preview answers them (a commit answers its report).
      features:
        mode === 'preview'
          ? previewFeatures(
              features,
              log.problems,
              { network, ...check },
              request.previewFeatureProperties ?? 'status',
            )
          : [],
    },
    featureCount: layer === 'network' ? (network?.edges.length ?? 0) : features.length,
    problems: sorted.slice(0, MAX_LISTED_PROBLEMS),
    problemCounts: countProblems(sorted),
    problemsLeftOut: Math.max(0, sorted.length - MAX_LISTED_PROBLEMS),
    changes: countLayerChanges(layer, existingIds, new Set(features.map((feature) => feature.id)), replace, {
      edgesBefore: region.counts.network,
      edgesAfter: network?.edges.length ?? 0,
    }),
    network: network ? summarizeRoadNetwork(network) : null,
    scenarioImpact: scenarioPlan?.impact ?? null,
    canCommit,
    committed: false,
  };

  mark('outcome');
  if (mode === 'preview') {
    const checked: CheckedImport = {
      outcome,
      features,
      region,
      check,
      mapping: chosen.mapping,
      valueMap: chosen.valueMap,
    };
    await request.hooks?.afterPreview?.(query, checked);
    mark('stored');
    answer(outcome);
    if (request.hooks?.afterAnswer) {
      // The answer is turned into JSON and sent first: the embedded database's work runs on this thread.
      await new Promise((resolve) => setImmediate(resolve));
      await request.hooks.afterAnswer(query, checked);
    }
    mark('after the answer');
    return outcome;
  }
  if (!canCommit) throw problemsRefusal(outcome, sorted);
  if (scenarioPlan?.impact.requiresAcceptance && !options.acceptScenarioChanges)
    throw scenarioChangesRefusal(outcome, scenarioPlan.impact);
  await writeImport(query, {
    outcome,
    region,
    names: { name: options.name, nameEn: options.nameEn },
    replace,
    check,
    network,
    scenarioPlan,
    mapping: chosen.mapping,
    valueMap: chosen.valueMap,
    today: new Date().toISOString().slice(0, 10),
  });
  mark('written');
  return { ...outcome, committed: true };
}

/** A snapper built now, handed over as a lazy one. */
async function readyNow(building: ReturnType<LazySnapper>): Promise<LazySnapper> {
  const snapper = await building;
  return () => Promise.resolve(snapper);
}

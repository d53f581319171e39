/**
 * What the scenario API answers: communities as GeoJSON with every metric and rule result, the
 * comparison of two scenarios, and flat per-community records for the CSV and Shapefile exports.
 */

import type { CommunityMetrics, ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import { distanceFromBand } from '../../../core/standards/community-types.js';
import type { RuleContribution, RuleResult } from '../../../core/standards/rule-results.js';
import { summarizeResults, type ResultSummary } from '../../../core/standards/rule-results.js';
import { sizeBandOf } from '../../../core/standards/rules.js';
import { csvTable } from '../export/feature-table.js';
import type { Judging } from './judging.js';

/** A community's metrics with how far it lies outside its type's size band under the profile. */
export interface ReportMetrics extends CommunityMetrics {
  residentsOutsideBand: number;
  householdsOutsideBand: number;
}

export interface CommunityReport {
  metrics: ReportMetrics;
  nameEn: string | null;
  rules: readonly RuleResult[];
  contributions: readonly RuleContribution[];
  summary: ResultSummary;
}

/**
 * Every community of a scenario with its metrics (reach shares under the tier table and speed in
 * force) and its judgement under the profile, in the evaluator's order. Region- and street-scope
 * rules appear as each community's contributions; the region's own results are judgeRegion's.
 */
export function communityReports(evaluator: ScenarioEvaluator, judging: Judging): CommunityReport[] {
  const { context } = judging;
  return evaluator.allMetrics(context.reach).map((metrics) => {
    const rules = evaluator.judge(metrics.id, context);
    const outside = (measure: 'residents' | 'households') =>
      distanceFromBand(metrics[measure], sizeBandOf(context.profile, metrics.type, measure));
    return {
      metrics: {
        ...metrics,
        residentsOutsideBand: outside('residents'),
        householdsOutsideBand: outside('households'),
      },
      nameEn: evaluator.communityRecord(metrics.id).nameEn ?? null,
      rules,
      contributions: evaluator.contributions(metrics.id, context),
      summary: summarizeResults(rules),
    };
  });
}

/**
 * The communities as a GeoJSON FeatureCollection text. `geometries` maps community id to its
 * GeoJSON geometry text (from PostGIS); properties carry every metric and every rule result.
 * `members` are extra top-level members (RFC 7946 §6.1 foreign members), e.g. the scenario's id.
 */
export function communitiesFeatureCollection(
  reports: readonly CommunityReport[],
  geometries: ReadonlyMap<string, string>,
  members: Record<string, unknown>,
): string {
  const features = reports.map(({ metrics, nameEn, rules, contributions, summary }) => {
    const properties = { ...metrics, nameEn, rules, contributions, summary };
    return `{"type":"Feature","id":${JSON.stringify(metrics.id)},"geometry":${geometries.get(metrics.id) ?? 'null'},"properties":${JSON.stringify(properties)}}`;
  });
  const head = Object.entries(members)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},`)
    .join('');
  return `{"type":"FeatureCollection",${head}"features":[${features.join(',')}]}`;
}

interface Figure {
  scenario: number;
  with: number;
  delta: number;
}

const figure = (scenario: number, other: number): Figure => ({
  scenario,
  with: other,
  delta: scenario - other,
});

/** What a comparison needs of one side, taken off its evaluator in one go (see scenarioView). */
export interface ComparisonSnapshot {
  reports: CommunityReport[];
  unitIds: string[];
  /** Community of each unit, in `unitIds` order. */
  unitCommunities: string[];
}

export function comparisonSnapshot(evaluator: ScenarioEvaluator, judging: Judging): ComparisonSnapshot {
  return {
    reports: communityReports(evaluator, judging),
    unitIds: evaluator.unitIds(),
    unitCommunities: evaluator.communityIdsByUnit(),
  };
}

interface ComparedScenario {
  id: string;
  version: number;
  snapshot: ComparisonSnapshot;
}

/**
 * A scenario against another (or the baseline): per community the residents, households and area
 * on both sides and the rules whose status changed, and every unit whose community differs.
 * A community on one side only is `created` or `dissolved` (its missing side counts as zero).
 */
export function compareScenarios(scenario: ComparedScenario, other: ComparedScenario, judging: Judging) {
  const ours = new Map(scenario.snapshot.reports.map((report) => [report.metrics.id, report]));
  const theirs = new Map(other.snapshot.reports.map((report) => [report.metrics.id, report]));
  const ids = [...new Set([...theirs.keys(), ...ours.keys()])];
  const zero = { residents: 0, households: 0, areaSquareKilometers: 0 };
  const communities = ids.map((id) => {
    const [a, b] = [ours.get(id), theirs.get(id)];
    const [ma, mb] = [a?.metrics ?? zero, b?.metrics ?? zero];
    const statusesOf = (report: CommunityReport | undefined) =>
      new Map((report?.rules ?? []).map((rule) => [rule.ruleId, rule.status]));
    const [sa, sb] = [statusesOf(a), statusesOf(b)];
    const ruleChanges = [...new Set([...sb.keys(), ...sa.keys()])]
      .filter((ruleId) => sa.get(ruleId) !== sb.get(ruleId))
      .map((ruleId) => ({ ruleId, from: sb.get(ruleId) ?? null, to: sa.get(ruleId) ?? null }));
    const residents = figure(ma.residents, mb.residents);
    const households = figure(ma.households, mb.households);
    const areaSquareKilometers = figure(ma.areaSquareKilometers, mb.areaSquareKilometers);
    const status: 'created' | 'dissolved' | 'changed' | 'unchanged' = !b
      ? 'created'
      : !a
        ? 'dissolved'
        : residents.delta !== 0 ||
            households.delta !== 0 ||
            Math.abs(areaSquareKilometers.delta) > 1e-9 ||
            ruleChanges.length > 0
          ? 'changed'
          : 'unchanged';
    return {
      id,
      name: (a ?? b)!.metrics.name,
      streetId: (a ?? b)!.metrics.streetId,
      status,
      residents,
      households,
      areaSquareKilometers,
      ruleChanges,
    };
  });
  const ourUnits = scenario.snapshot.unitCommunities;
  const theirUnits = other.snapshot.unitCommunities;
  const { unitIds } = scenario.snapshot;
  const movedUnits: { id: string; from: string; to: string }[] = [];
  for (let index = 0; index < unitIds.length; index += 1) {
    if (ourUnits[index] !== theirUnits[index])
      movedUnits.push({ id: unitIds[index], from: theirUnits[index], to: ourUnits[index] });
  }
  return {
    scenario: { id: scenario.id, version: scenario.version },
    with: { id: other.id, version: other.version },
    judgedWith: judging.judgedWith,
    communities,
    movedUnits,
  };
}

/** A column of the flat exports: its header (CSV, GeoJSON), its ≤ 10-character DBF name and its kind. */
export interface ExportColumn {
  header: string;
  dbfName: string;
  kind: 'text' | 'number';
  value(report: CommunityReport): string | number | null;
}

const metric = (header: keyof ReportMetrics, dbfName: string): ExportColumn => ({
  header,
  dbfName,
  kind: 'number',
  value: (report) => report.metrics[header] as number | null,
});

/** DBF names of coverage columns (`cv_` + a short category name); unknown categories are numbered. */
const COVERAGE_DBF_NAMES: Record<string, string> = {
  service_station: 'cv_station',
  kindergarten: 'cv_kinder',
  nursery: 'cv_nursery',
  primary_school: 'cv_primary',
  middle_school: 'cv_middle',
  health_station: 'cv_hstat',
  health_centre: 'cv_hcentre',
  elderly_day_care: 'cv_elderly',
  supermarket: 'cv_market',
  fresh_market: 'cv_fresh',
  fitness_ground: 'cv_fitness',
  park: 'cv_park',
  refuse_station: 'cv_refuse',
  public_toilet: 'cv_toilet',
  parking: 'cv_parking',
  culture_centre: 'cv_culture',
  sports_ground: 'cv_sports',
};

/** Rule ids of one status, space-separated. */
const ruleIdsOf = (report: CommunityReport, status: RuleResult['status']) =>
  report.rules
    .filter((rule) => rule.status === status)
    .map((rule) => rule.ruleId)
    .join(' ');
const statusCount = (report: CommunityReport, status: RuleResult['status']) =>
  report.rules.filter((rule) => rule.status === status).length;

/** The columns of the CSV and Shapefile exports under `profile`, coverage categories last. */
export function exportColumns(categories: readonly string[], profile: string): ExportColumn[] {
  const text = (
    header: string,
    dbfName: string,
    value: (report: CommunityReport) => string | null,
  ): ExportColumn => ({
    header,
    dbfName,
    kind: 'text',
    value,
  });
  return [
    text('id', 'id', (report) => report.metrics.id),
    text('name', 'name', (report) => report.metrics.name),
    text('nameEn', 'name_en', (report) => report.nameEn),
    text('type', 'type', (report) => report.metrics.type),
    text('streetId', 'street_id', (report) => report.metrics.streetId),
    metric('unitCount', 'units'),
    metric('residents', 'residents'),
    metric('households', 'households'),
    metric('elderly', 'elderly'),
    metric('children', 'children'),
    metric('areaSquareKilometers', 'area_km2'),
    metric('residentsPerSquareKilometer', 'density'),
    metric('perimeterMeters', 'perim_m'),
    metric('polsbyPopper', 'polsby'),
    metric('parts', 'parts'),
    metric('serviceFloorAreaSquareMeters', 'floor_m2'),
    metric('serviceFloorAreaPer100Households', 'floor_100h'),
    metric('staff', 'staff'),
    metric('staffPer10kResidents', 'staff_10k'),
    metric('residentsOutsideBand', 'res_band'),
    metric('householdsOutsideBand', 'hh_band'),
    text('profile', 'profile', () => profile),
    {
      header: 'rulesPassed',
      dbfName: 'rules_pass',
      kind: 'number',
      value: (report) => statusCount(report, 'pass'),
    },
    {
      header: 'rulesFailed',
      dbfName: 'rules_fail',
      kind: 'number',
      value: (report) => statusCount(report, 'fail'),
    },
    {
      header: 'rulesAdvice',
      dbfName: 'rules_adv',
      kind: 'number',
      value: (report) => statusCount(report, 'advice'),
    },
    {
      header: 'rulesUndetermined',
      dbfName: 'rules_und',
      kind: 'number',
      value: (report) => statusCount(report, 'undetermined'),
    },
    text('failedRules', 'failed', (report) => ruleIdsOf(report, 'fail')),
    text('adviceRules', 'advice', (report) => ruleIdsOf(report, 'advice')),
    text('undeterminedRules', 'undeterm', (report) => ruleIdsOf(report, 'undetermined')),
    ...categories.map((category, index): ExportColumn => ({
      header: `coveredShare.${category}`,
      dbfName: COVERAGE_DBF_NAMES[category] ?? `cv_${String(index).padStart(2, '0')}`,
      kind: 'number',
      value: (report) => report.metrics.reachShareByKey[category] ?? null,
    })),
  ];
}

/** RFC 4180 CSV with a header row, UTF-8 with a byte-order mark so spreadsheet programs read Chinese. */
export function communitiesCsv(
  reports: readonly CommunityReport[],
  columns: readonly ExportColumn[],
): string {
  return csvTable(
    columns.map((column) => column.header),
    reports.map((report) => columns.map((column) => column.value(report))),
  );
}

/** Flat properties for the GeoJSON export: the CSV's columns under their headers. */
export function flatProperties(
  report: CommunityReport,
  columns: readonly ExportColumn[],
): Record<string, string | number | null> {
  return Object.fromEntries(columns.map((column) => [column.header, column.value(report)]));
}

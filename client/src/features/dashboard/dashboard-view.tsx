/**
 * 领导看板: one screen (and one printed A4 page) under the region's judging (its stored profile,
 * the walking speed and tiers in force): walking reach of what the profile asks, with how many
 * communities meet each rule; size bands and the 村改居 classification; the region- and street-scope
 * rules judged as such; each naming its documents by title; residents by walking time to the nearest community
 * service station; and the communities ranked by completeness with their gaps in words.
 * With a scenario picked (kept in the address), every KPI reads baseline → scenario, the heat map
 * shows the difference, the walking-time chart sets the scenario's residents beside the baseline's,
 * and the communities whose status changes are listed; the approval block
 * names the scenario, its version and approval, the dates and the issuing unit.
 */
import { useEffect, useMemo, useState } from 'react';
import type {
  Region,
  RegionRuleAnswer as RegionRuleResultAnswer,
  ScenarioRuleResult,
} from '../../lib/api-types';
import { OPENED_ADDRESS, writeAddress } from '../../lib/address';
import { formatCount, formatNumber, formatShare, formatSigned } from '../../lib/format';
import { useScenariosRead, useSettingsRead } from '../../lib/reads';
import { useI18n, type Language } from '../../lib/i18n';
import { judgesByOtherProfile, judgingProfile, type Judging } from '../../lib/judging';
import {
  SOURCE_DOCUMENTS,
  STANDARDS_PROFILES,
  RULES,
  TOOL_DEFAULTS,
  categoryName,
  type RuleSource,
} from '../../lib/standards';
import { documentTitles, figureText, statusCounts, statusKey, statusTone } from '../standards/rule-text';
import { Badge } from '../../ui/badge';
import {
  outsideBandKpi,
  rankCommunities,
  reachCategoryOf,
  reachKpis,
  travelTimeBandLabel,
  travelTimeBins,
  villageKpi,
  type RankedCommunity,
  type TravelTimeBin,
} from './dashboard-figures';
import { CoverageFigure, CoverageSubjectSelect, useCoverageTitle } from './coverage-figure-view';
import { useCoverageFigure, type CoverageSubject } from './use-coverage-figure';
import type { BasemapDisplay } from '../layer-panel/use-basemap-display';
import { useDashboard } from './use-dashboard';
import { useDashboardScenario } from './use-dashboard-scenario';
import { kpiChange, statusChangeRows, travelTimeBinChanges, type KpiChange } from './scenario-figures';
import { TravelTimeComparison } from './travel-time-comparison';
import { StatusChangeTable } from './status-change-table';
import { ApprovalBlock } from './approval-block';
import './dashboard-view.css';

export function DashboardView({
  region,
  judging,
  basemaps,
}: {
  region: Region | null;
  judging: Judging | null;
  /** The region's base maps as the map shows them; the printed figure draws the raster ones. */
  basemaps?: readonly BasemapDisplay[];
}) {
  const { t, language, localName } = useI18n();
  const regionId = region?.id ?? null;
  const { data, failed } = useDashboard(regionId, judging);
  const scenarios = useScenariosRead(regionId ? { regionId } : null);
  const [scenarioId, setScenarioId] = useState<string | null>(OPENED_ADDRESS.dashboardScenario);
  const chooseScenario = (id: string | null) => {
    setScenarioId(id);
    writeAddress({ 'dashboard-scenario': id });
  };
  const scenario = (scenarioId && scenarios.data?.find((candidate) => candidate.id === scenarioId)) || null;
  const scenarioMissing = scenarioId !== null && scenarios.data !== undefined && scenario === null;
  // A linked scenario is waited for, so the baseline alone is never shown as if it were the answer.
  const awaitingScenario = scenarioId !== null && scenarios.data === undefined && scenarios.error === null;
  const chosenId = scenario?.id ?? null;
  const chosenVersion = scenario?.version ?? null;
  const scenarioRef = useMemo(
    () => (chosenId !== null && chosenVersion !== null ? { id: chosenId, version: chosenVersion } : null),
    [chosenId, chosenVersion],
  );

  const after = useDashboardScenario(regionId, scenarioRef, judging);
  const settings = useSettingsRead({});
  const printedAt = usePrintDate();
  const [coverageSubject, setCoverageSubject] = useState<CoverageSubject>('completeness');
  const coverageFigure = useCoverageFigure(regionId, coverageSubject, judging, scenarioRef);
  const coverageTitle = useCoverageTitle(coverageSubject);
  const profile = judging ? judgingProfile(judging) : null;

  const figures = useMemo(() => {
    if (!data || !profile) return null;
    if (awaitingScenario || (scenarioRef && !after.data)) return null;
    const communities = data.communities.features.map((feature) => feature.properties);
    const outsideBand = outsideBandKpi(communities, profile);
    const villages = villageKpi(data.villages);
    const bins = travelTimeBins(data.stationReach, data.coverage.region.residents);
    const scenarioCommunities = after.data?.communities.features.map((feature) => feature.properties) ?? null;
    const scenarioFigures =
      after.data && scenarioCommunities
        ? {
            reach: new Map(reachKpis(scenarioCommunities, profile).map((kpi) => [kpi.ruleId, kpi])),
            regionRules: after.data.communities.regionRules,
            outsideBand: outsideBandKpi(scenarioCommunities, profile),
            villages: villageKpi(after.data.villages),
            statusChanges: statusChangeRows(after.data.comparison),
            bins: travelTimeBinChanges(bins, travelTimeBins(after.data.stationReach, after.data.residents)),
          }
        : null;
    return {
      reach: reachKpis(communities, profile),
      regionRules: data.communities.regionRules,
      outsideBand,
      villages,
      // The ranking of what is shown: the scenario's communities when one is picked.
      ranking: rankCommunities(scenarioCommunities ?? communities),
      bins,
      residents: data.coverage.region.residents,
      communityNames: new Map(communities.map((community) => [community.id, community.name])),
      /** The count KPIs as shown: the scenario's when one is picked. */
      shown: {
        outsideBand: scenarioFigures?.outsideBand ?? outsideBand,
        villages: scenarioFigures?.villages ?? villages,
      },
      after: scenarioFigures,
    };
  }, [data, profile, awaitingScenario, scenarioRef, after.data]);

  const sources = (list: readonly RuleSource[]) => documentTitles(list, language).join(' ');
  const profileInfo = profile ? STANDARDS_PROFILES[profile] : null;
  const regionName = region ? localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name }) : '';
  const documents = profileInfo
    ? profileInfo.documents
        .map((id) => (language === 'en' ? SOURCE_DOCUMENTS[id].titleEn : SOURCE_DOCUMENTS[id].title))
        .join(language === 'en' ? '; ' : '、')
    : '';
  const reachShare = judging?.settings.reachShare ?? TOOL_DEFAULTS.reachShare;
  const headlineCategories = figures
    ? [
        ...new Set(
          figures.reach
            .map((kpi) => (kpi.categories.length > 0 ? kpi.categories[0] : null))
            .filter((category): category is string => category !== null),
        ),
      ]
    : [];

  return (
    <div
      className="dashboard"
      data-testid="dashboard"
      data-ready={figures ? 'true' : 'false'}
      data-profile={profile ?? ''}
      data-scenario={scenario?.id ?? 'baseline'}
    >
      <div className="dashboard-head">
        <div>
          <h1 className="dashboard-title">
            {regionName} · {t('dashboard.title')}
          </h1>
          <div className="dashboard-subtitle" data-testid="dashboard-subtitle">
            {profileInfo &&
              t('dashboard.subtitle', {
                profile: localName(profileInfo),
                source: documents,
                residents: formatCount(figures?.residents) ?? '—',
                speed: judging ? judging.speedMetersPerSecond.toFixed(1) : '',
              })}
            {judging && judgesByOtherProfile(judging) && (
              <span className="dashboard-other-profile"> · {t('dashboard.otherProfile')}</span>
            )}
          </div>
        </div>
        <div className="dashboard-tools">
          <label className="dashboard-scenario-pick">
            <span>{t('dashboard.scenario')}</span>
            <select
              data-testid="dashboard-scenario"
              value={scenario?.id ?? ''}
              onChange={(event) => chooseScenario(event.target.value || null)}
            >
              <option value="">{t('dashboard.scenarioBaseline')}</option>
              {(scenarios.data ?? []).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {t('dashboard.scenarioOption', {
                    name: candidate.name,
                    version: candidate.version,
                    state: t(`dashboard.approval.state.${candidate.reviewState}`),
                  })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="dashboard-print"
            data-testid="dashboard-print"
            onClick={() => window.print()}
          >
            {t('dashboard.print')}
          </button>
        </div>
      </div>

      <ApprovalBlock
        scenario={scenario}
        dataLoadedAt={region?.dataLoadedAt ?? null}
        issuingUnit={settings.data?.issuingUnit ?? null}
        printedAt={printedAt}
      />
      {scenarioMissing && <p className="dashboard-note">{t('dashboard.scenarioMissing')}</p>}

      {!figures ? (
        <div className="dashboard-loading">
          {failed || after.failed
            ? t('error.network')
            : scenarioRef
              ? t('dashboard.scenarioLoading')
              : t('dashboard.loading')}
        </div>
      ) : (
        <>
          <section className="dashboard-section">
            <h2 className="dashboard-section-title">{t('dashboard.coverageTitle')}</h2>
            {figures.reach.length === 0 && <p className="dashboard-note">{t('dashboard.noReachRules')}</p>}
            <div className="kpi-grid kpi-grid-coverage">
              {figures.reach.map((before) => {
                const scenarioKpi = figures.after?.reach.get(before.ruleId);
                const kpi = figures.after ? (scenarioKpi ?? before) : before;
                return (
                  <KpiCard
                    key={kpi.ruleId}
                    testId={`kpi-reach-${kpi.ruleId}`}
                    label={`${reachLabel(kpi.ruleId, kpi.categories, language)} · ${t('dashboard.withinMinutes', { n: kpi.minutes.join('/') || '—' })}`}
                    value={kpi.coveredShare}
                    valueText={formatShare(kpi.coveredShare) ?? '—'}
                    change={
                      figures.after
                        ? changeView(
                            kpiChange(before.coveredShare, scenarioKpi?.coveredShare ?? null, 'higher'),
                            'share',
                          )
                        : null
                    }
                    status={
                      kpi.tally.judged === 0
                        ? 'neutral'
                        : kpi.tally.met === kpi.tally.judged
                          ? 'pass'
                          : 'fail'
                    }
                    targetText={t('dashboard.reachTally', {
                      met: kpi.tally.met,
                      judged: kpi.tally.judged,
                      share: formatShare(reachShare) ?? '',
                    })}
                    note={
                      kpi.tally.undetermined > 0
                        ? t('dashboard.undeterminedCommunities', { n: kpi.tally.undetermined })
                        : null
                    }
                    source={sources(kpi.sources)}
                  />
                );
              })}

              <KpiCard
                testId="kpi-outside-band"
                label={t('dashboard.outsideBand')}
                value={figures.shown.outsideBand.count}
                change={
                  figures.after
                    ? changeView(
                        kpiChange(figures.outsideBand.count, figures.after.outsideBand.count, 'lower'),
                        'count',
                      )
                    : null
                }
                valueText={t('dashboard.countOf', {
                  n: figures.shown.outsideBand.count,
                  of: figures.shown.outsideBand.of,
                })}
                status={
                  figures.shown.outsideBand.ruleIds.length === 0
                    ? 'neutral'
                    : figures.shown.outsideBand.count === 0
                      ? 'pass'
                      : 'fail'
                }
                targetText={
                  figures.shown.outsideBand.ruleIds.length > 0
                    ? t('dashboard.targetNone')
                    : t('dashboard.noTarget')
                }
                note={
                  figures.shown.outsideBand.undetermined > 0
                    ? t('dashboard.undeterminedCommunities', { n: figures.shown.outsideBand.undetermined })
                    : null
                }
                source={sources(figures.shown.outsideBand.sources)}
              />
              <KpiCard
                testId="kpi-villages"
                label={t('dashboard.villages')}
                value={figures.shown.villages.count}
                change={
                  figures.after && figures.shown.villages.inProfile
                    ? changeView(
                        kpiChange(figures.villages.count, figures.after.villages.count, 'neutral'),
                        'count',
                      )
                    : null
                }
                valueText={
                  figures.shown.villages.inProfile
                    ? t('dashboard.countOf', {
                        n: figures.shown.villages.count,
                        of: figures.shown.villages.of,
                      })
                    : '—'
                }
                status="neutral"
                targetText={
                  figures.shown.villages.inProfile ? t('dashboard.villagesTarget') : t('dashboard.noTarget')
                }
                note={
                  figures.shown.villages.undetermined > 0
                    ? t('dashboard.villagesUndetermined', { n: figures.shown.villages.undetermined })
                    : null
                }
                source={sources(figures.shown.villages.sources)}
              />
            </div>
          </section>
          <section className="dashboard-section" data-testid="dashboard-region-rules">
            <h2 className="dashboard-section-title">{t('dashboard.regionRulesTitle')}</h2>
            <RegionRuleTable
              results={figures.regionRules}
              scenarioResults={figures.after?.regionRules ?? null}
            />
          </section>
          {figures.after && (
            <section
              className="dashboard-section dashboard-status-changes"
              data-testid="dashboard-status-changes"
            >
              <h2 className="dashboard-section-title">{t('dashboard.statusChangesTitle')}</h2>
              <StatusChangeTable rows={figures.after.statusChanges} />
            </section>
          )}
          <div className="dashboard-columns">
            <div className="dashboard-column">
              <section className="dashboard-section dashboard-chart-section dashboard-heatmap-section">
                <div className="coverage-head">
                  <h2 className="dashboard-section-title">
                    {figures.after ? t('dashboard.differenceTitle', { title: coverageTitle }) : coverageTitle}
                  </h2>
                  <CoverageSubjectSelect
                    subject={coverageSubject}
                    categories={headlineCategories}
                    onChange={setCoverageSubject}
                  />
                </div>
                <CoverageFigure
                  data={coverageFigure.data}
                  failed={coverageFigure.failed}
                  basemaps={basemaps}
                />
              </section>
              <section className="dashboard-section dashboard-chart-section">
                <h2 className="dashboard-section-title">
                  {t('dashboard.chartTitle')}
                  {figures.after && t('dashboard.chartCompared')}
                </h2>
                {figures.after ? (
                  <TravelTimeComparison bins={figures.after.bins} />
                ) : (
                  <TravelTimeChart bins={figures.bins} residents={figures.residents} />
                )}
                <p className="dashboard-note">
                  {figures.after ? t('dashboard.chartNoteCompared') : t('dashboard.chartNote')}
                </p>
              </section>
            </div>
            <section className="dashboard-section dashboard-ranking-section">
              <h2 className="dashboard-section-title">
                {figures.after ? t('dashboard.rankingScenarioTitle') : t('dashboard.rankingTitle')}
              </h2>
              <RankingTable rows={figures.ranking} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

/** A reach KPI's name: its category (any of several: "幼儿园或托儿所"), or the rule's title for a circle. */
function reachLabel(ruleId: string, categories: readonly string[], language: Language): string {
  if (categories.length === 0) return ruleTitle(ruleId, language);
  return categories
    .map((category) => categoryName(category)[language])
    .join(language === 'en' ? ' or ' : '或');
}

function ruleTitle(ruleId: string, language: Language): string {
  return RULE_TITLES.get(ruleId)?.[language] ?? ruleId;
}

/** The print date: today, and again when the browser is about to print (a page left open overnight). */
function usePrintDate(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const update = () => setNow(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return now;
}

/** A KPI's change as the card shows it: both values and the signed change, readable. */
interface ChangeView {
  change: KpiChange;
  kind: 'share' | 'count';
  beforeText: string;
  afterText: string;
  deltaText: string;
}

function changeView(change: KpiChange, kind: 'share' | 'count'): ChangeView {
  const text = (value: number | null) => (kind === 'share' ? formatShare(value) : formatCount(value)) ?? '—';
  const delta = change.delta;
  return {
    change,
    kind,
    beforeText: text(change.before),
    afterText: text(change.after),
    deltaText:
      delta === null
        ? '—'
        : kind === 'share'
          ? formatSigned(delta, formatNumber(Math.abs(delta) * 100, 1))
          : formatSigned(delta, formatNumber(Math.abs(delta))),
  };
}

function KpiCard(props: {
  testId: string;
  label: string;
  value: number | null;
  valueText: string;
  /** Baseline → scenario, when a scenario is shown. */
  change?: ChangeView | null;
  status: 'pass' | 'fail' | 'neutral';
  targetText: string;
  note?: string | null;
  source: string;
}) {
  const { t } = useI18n();
  const { change } = props;
  return (
    <div
      className={`kpi-card is-${props.status}`}
      data-testid={props.testId}
      data-value={props.value ?? ''}
      data-status={props.status}
    >
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value" data-testid="kpi-value">
        {props.valueText}
      </div>
      {change && (
        <div
          className={`kpi-change is-${change.change.tone}`}
          data-testid="kpi-change"
          data-before={change.change.before ?? ''}
          data-after={change.change.after ?? ''}
          data-tone={change.change.tone}
        >
          <span className="kpi-change-values">
            {t('dashboard.kpiBefore')} {change.beforeText} → {t('dashboard.kpiAfter')} {change.afterText}
          </span>
          <span className="kpi-change-delta">
            {change.change.delta === null
              ? t('dashboard.change.unknown')
              : `${change.kind === 'share' ? t('dashboard.pointsChange', { delta: change.deltaText }) : change.deltaText} · ${t(`dashboard.change.${change.change.tone}`)}`}
          </span>
        </div>
      )}
      <div className="kpi-target">{props.targetText}</div>
      {props.note && <div className="kpi-note">{props.note}</div>}
      <div className="kpi-source">
        {t('dashboard.source')} {props.source}
      </div>
    </div>
  );
}

const RULE_TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

const CHART_WIDTH = 420;
const CHART_HEIGHT = 180;
const CHART_MARGIN = { top: 16, right: 8, bottom: 34, left: 8 };

function TravelTimeChart({ bins, residents }: { bins: TravelTimeBin[]; residents: number }) {
  const { t } = useI18n();
  const largest = Math.max(1, ...bins.map((bin) => bin.residents));
  const plotWidth = CHART_WIDTH - CHART_MARGIN.left - CHART_MARGIN.right;
  const plotHeight = CHART_HEIGHT - CHART_MARGIN.top - CHART_MARGIN.bottom;
  const slot = plotWidth / bins.length;
  return (
    <svg
      className="travel-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
      role="img"
      aria-label={t('dashboard.chartTitle')}
      data-testid="travel-chart"
    >
      {bins.map((bin, index) => {
        const height = (bin.residents / largest) * plotHeight;
        const x = CHART_MARGIN.left + index * slot + 4;
        const y = CHART_MARGIN.top + plotHeight - height;
        const label = travelTimeBandLabel(bin, t);
        const share = residents > 0 ? bin.residents / residents : null;
        return (
          <g key={bin.fromMinutes} data-testid="travel-bin" data-residents={bin.residents}>
            <rect
              x={x}
              y={y}
              width={slot - 8}
              height={Math.max(height, 0.5)}
              className={
                bin.toMinutes !== null && bin.toMinutes <= 5
                  ? 'bar is-within'
                  : bin.toMinutes === null
                    ? 'bar is-beyond'
                    : 'bar'
              }
            />
            <text x={x + (slot - 8) / 2} y={y - 4} className="bar-value">
              {formatShare(share) ?? ''}
            </text>
            <text x={x + (slot - 8) / 2} y={CHART_MARGIN.top + plotHeight + 14} className="bar-label">
              {label}
            </text>
            <text x={x + (slot - 8) / 2} y={CHART_MARGIN.top + plotHeight + 27} className="bar-count">
              {formatCount(bin.residents)}
            </text>
          </g>
        );
      })}
      <line
        x1={CHART_MARGIN.left}
        x2={CHART_WIDTH - CHART_MARGIN.right}
        y1={CHART_MARGIN.top + plotHeight}
        y2={CHART_MARGIN.top + plotHeight}
        className="axis"
      />
    </svg>
  );
}

/** A gap in a few words (what is short and by how much); the full rule with its bound and documents is the hover text. */
function gapText(gap: ScenarioRuleResult, language: Language): { short: string; full: string } {
  const figure = figureText(gap.figure, gap.unit, language);
  const category = gap.kind === 'reach' ? reachCategoryOf(gap.ruleId) : null;
  const name = category ? categoryName(category)[language] : gap.title[language];
  const needs = language === 'zh' ? '要求' : 'needs';
  return {
    short: figure ? `${name} ${figure}` : name,
    full: `${gap.title[language]}${figure ? `：${figure}` : ''}，${needs} ${gap.threshold}（${documentTitles(gap.sources, language).join('、')}）`,
  };
}

/**
 * Region-scope results as one row each (the region's figure against the bound, its status, the
 * document by title); street-scope results as a count per status, their detail on the map screen.
 */
function RegionRuleTable({
  results,
  scenarioResults,
}: {
  results: readonly RegionRuleResultAnswer[];
  /** The scenario's results, shown beside the baseline's when a scenario is picked. */
  scenarioResults: readonly RegionRuleResultAnswer[] | null;
}) {
  const { t, language } = useI18n();
  const scenarioOf = (ruleId: string) =>
    scenarioResults?.find((result) => result.subject.kind === 'region' && result.ruleId === ruleId) ?? null;
  const region = results.filter((result) => result.subject.kind === 'region');
  const street = results.filter((result) => result.subject.kind === 'street');
  if (results.length === 0) return <p className="dashboard-note">{t('region.rules.none')}</p>;
  const streetCounts = statusCounts(street);
  return (
    <>
      {region.length > 0 && (
        <table className="region-rule-table">
          <thead>
            <tr>
              <th>{t('dashboard.indicator')}</th>
              <th>{t('dashboard.regionFigure')}</th>
              <th>{t('dashboard.bound')}</th>
              <th>{t('dashboard.verdict')}</th>
              {scenarioResults && <th>{t('dashboard.scenarioFigure')}</th>}
              {scenarioResults && <th>{t('dashboard.scenarioVerdict')}</th>}
              <th>{t('dashboard.source')}</th>
            </tr>
          </thead>
          <tbody>
            {region.map((result) => (
              <tr
                key={result.ruleId}
                data-testid="region-rule-row"
                data-rule-id={result.ruleId}
                data-status={result.status}
              >
                <td>
                  {result.title[language]}
                  {result.toolDefault && <span className="tool-default-chip">{t('rule.toolDefault')}</span>}
                </td>
                <td className="region-rule-figure">
                  {figureText(result.figure, result.unit, language) ?? '—'}
                </td>
                <td>{result.threshold}</td>
                <td>
                  <Badge tone={statusTone(result.status)}>{t(statusKey(result))}</Badge>
                </td>
                {scenarioResults && <ScenarioRuleCells result={scenarioOf(result.ruleId)} />}
                <td className="region-rule-source">{documentTitles(result.sources, language).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {street.length > 0 && (
        <p className="dashboard-note" data-testid="dashboard-street-rules" data-count={street.length}>
          {t('dashboard.streetRules', {
            n: street.length,
            pass: streetCounts.pass,
            fail: streetCounts.fail,
            advice: streetCounts.advice,
            undetermined: streetCounts.undetermined,
          })}
        </p>
      )}
    </>
  );
}

/** The scenario's figure and verdict of a region-scope rule (dashes where it has none). */
function ScenarioRuleCells({ result }: { result: RegionRuleResultAnswer | null }) {
  const { t, language } = useI18n();
  if (!result)
    return (
      <>
        <td>—</td>
        <td>—</td>
      </>
    );
  return (
    <>
      <td className="region-rule-figure">{figureText(result.figure, result.unit, language) ?? '—'}</td>
      <td data-testid="region-rule-scenario-status" data-status={result.status}>
        <Badge tone={statusTone(result.status)}>{t(statusKey(result))}</Badge>
      </td>
    </>
  );
}

/** Failures shown as chips in a ranking row (the rest counted, listed on hover): one A4 page holds the list. */
const GAP_CHIPS_SHOWN = 3;

const failedCount = (row: RankedCommunity) => row.gaps.filter((gap) => gap.status === 'fail').length;

function RankingTable({ rows }: { rows: RankedCommunity[] }) {
  const { t, language, localName } = useI18n();
  return (
    <table className="ranking-table" data-testid="ranking">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('dashboard.community')}</th>
          <th>{t('dashboard.completeness')}</th>
          <th>{t('dashboard.gaps')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="ranking-row" data-community-id={row.id}>
            <td className="ranking-rank">{row.rank}</td>
            <td className="ranking-name">
              {localName({ nameZh: row.name, nameEn: row.nameEn ?? row.name })}
            </td>
            <td className="ranking-score">
              {row.completeness === null ? '—' : `${row.passed}/${row.judged}`}
              {row.undetermined > 0 && (
                <span className="ranking-undetermined" title={t('dashboard.rankingUndetermined')}>
                  {' '}
                  +{row.undetermined}?
                </span>
              )}
              <span className="ranking-bar" aria-hidden="true">
                <span style={{ width: `${(row.completeness ?? 0) * 100}%` }} />
              </span>
            </td>
            <td className="ranking-gaps">
              {row.judged === 0
                ? t('dashboard.nothingJudged')
                : row.gaps.length === 0
                  ? t('dashboard.noGaps')
                  : row.gaps
                      .filter((gap) => gap.status === 'fail')
                      .slice(0, GAP_CHIPS_SHOWN)
                      .map((gap) => {
                        const text = gapText(gap, language);
                        return (
                          <Badge
                            key={gap.ruleId}
                            tone={statusTone(gap.status)}
                            className="gap-chip"
                            title={`${t(statusKey(gap))} · ${text.full}`}
                          >
                            {text.short}
                          </Badge>
                        );
                      })}
              {failedCount(row) > GAP_CHIPS_SHOWN && (
                <span
                  className="gap-more"
                  title={row.gaps
                    .filter((gap) => gap.status === 'fail')
                    .slice(GAP_CHIPS_SHOWN)
                    .map((gap) => gapText(gap, language).full)
                    .join('\n')}
                >
                  {t('dashboard.moreFailed', { n: failedCount(row) - GAP_CHIPS_SHOWN })}
                </span>
              )}
              {row.gaps.some((gap) => gap.status === 'advice') && (
                <span
                  className="gap-advice"
                  title={row.gaps
                    .filter((gap) => gap.status === 'advice')
                    .map((gap) => gapText(gap, language).full)
                    .join('\n')}
                >
                  {t('dashboard.adviceCount', {
                    n: row.gaps.filter((gap) => gap.status === 'advice').length,
                  })}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

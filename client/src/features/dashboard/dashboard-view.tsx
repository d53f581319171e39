/**
 * 领导看板: one screen (and one printed A4 page) with the region's KPIs against the active profile's
 * targets, each naming its source documents; residents by walking time to the nearest community
 * service station; and the communities ranked by completeness with their gaps in words.
 */
import { useMemo, useState } from 'react';
import type { Region, ScenarioRuleResult } from '../../lib/api-types';
import { formatCount, formatNumber, formatShare } from '../../lib/format';
import { useI18n, type Language } from '../../lib/i18n';
import { FACILITY_CATEGORIES, isFacilityCategoryId } from '../../lib/standards';
import { ruleFigureText, sourceText } from '../scenarios/rule-text';
import {
  DEFAULT_STANDARDS_PROFILE,
  RULES,
  STANDARDS_PROFILES,
  STANDARDS_PROFILE_IDS,
  isStandardsProfileId,
  type StandardsProfileId,
} from '../../lib/standards';
import {
  coverageKpis,
  floorAreaKpi,
  outsideBandKpi,
  rankCommunities,
  staffKpi,
  travelTimeBins,
  villageKpi,
  type KpiTarget,
  type RankedCommunity,
  type TravelTimeBin,
} from './dashboard-figures';
import { CoverageFigure, CoverageSubjectSelect, useCoverageTitle } from './coverage-figure-view';
import { useCoverageFigure, type CoverageSubject } from './use-coverage-figure';
import { useDashboard } from './use-dashboard';
import './dashboard-view.css';

export function DashboardView({ region }: { region: Region | null }) {
  const { t, language, localName } = useI18n();
  const [profile, setProfile] = useState<StandardsProfileId>(DEFAULT_STANDARDS_PROFILE);
  const { data, failed } = useDashboard(region?.id ?? null, profile);
  const [coverageSubject, setCoverageSubject] = useState<CoverageSubject>('completeness');
  const coverageFigure = useCoverageFigure(region?.id ?? null, coverageSubject);
  const coverageTitle = useCoverageTitle(coverageSubject);

  const figures = useMemo(() => {
    if (!data) return null;
    const communities = data.communities.features.map((feature) => feature.properties);
    return {
      coverage: coverageKpis(data.coverage.region.categories, profile),
      floorArea: floorAreaKpi(communities, profile),
      staff: staffKpi(communities, profile),
      outsideBand: outsideBandKpi(communities, profile),
      villages: villageKpi(data.villages.candidateIds.length, data.villages.villages.length),
      ranking: rankCommunities(communities),
      bins: travelTimeBins(data.stationReach, data.coverage.region.residents),
      residents: data.coverage.region.residents,
    };
  }, [data, profile]);

  const sources = (ids: readonly string[]) => ids.map((id) => sourceText(id, language)).join(' · ');
  const profileInfo = STANDARDS_PROFILES[profile];
  const regionName = region ? localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name }) : '';

  return (
    <div className="dashboard" data-testid="dashboard" data-ready={figures ? 'true' : 'false'}>
      <div className="dashboard-head">
        <div>
          <h1 className="dashboard-title">
            {regionName} · {t('dashboard.title')}
          </h1>
          <div className="dashboard-subtitle">
            {t('dashboard.subtitle', {
              profile: localName({ nameZh: profileInfo.nameZh, nameEn: profileInfo.nameEn }),
              source: sourceText(profileInfo.source, language),
              residents: formatCount(figures?.residents) ?? '—',
            })}
          </div>
        </div>
        <div className="dashboard-tools">
          <label className="dashboard-profile">
            {t('dashboard.profile')}
            <select
              data-testid="dashboard-profile"
              value={profile}
              onChange={(event) => {
                if (isStandardsProfileId(event.target.value)) setProfile(event.target.value);
              }}
            >
              {STANDARDS_PROFILE_IDS.map((id) => (
                <option key={id} value={id}>
                  {localName({
                    nameZh: STANDARDS_PROFILES[id].nameZh,
                    nameEn: STANDARDS_PROFILES[id].nameEn,
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

      {!figures ? (
        <div className="dashboard-loading">{failed ? t('error.network') : t('dashboard.loading')}</div>
      ) : (
        <>
          <section className="dashboard-section">
            <h2 className="dashboard-section-title">{t('dashboard.coverageTitle')}</h2>
            <div className="kpi-grid kpi-grid-coverage">
              {figures.coverage.map((kpi) => (
                <KpiCard
                  key={kpi.category}
                  testId={`kpi-coverage-${kpi.category}`}
                  label={`${categoryName(kpi.category, language)} · ${t('dashboard.withinMinutes', { n: kpi.tierMinutes })}`}
                  value={kpi.coveredShare}
                  valueText={formatShare(kpi.coveredShare) ?? '—'}
                  target={kpi.target}
                  targetText={targetText(kpi.target, formatShare(kpi.target.value) ?? '')}
                  source={sources(kpi.sources)}
                />
              ))}
            </div>
          </section>
          <section className="dashboard-section">
            <h2 className="dashboard-section-title">{t('dashboard.provisionTitle')}</h2>
            <div className="kpi-grid">
              <KpiCard
                testId="kpi-floor-area"
                label={t('dashboard.floorArea')}
                value={figures.floorArea.value}
                valueText={
                  figures.floorArea.value === null ? '—' : `${formatNumber(figures.floorArea.value, 1)} m²`
                }
                target={figures.floorArea.target}
                targetText={
                  figures.floorArea.target
                    ? targetText(
                        figures.floorArea.target,
                        `${formatNumber(figures.floorArea.target.value)} m²`,
                      )
                    : t('dashboard.noTarget')
                }
                source={sources(figures.floorArea.sources)}
              />
              <KpiCard
                testId="kpi-staff"
                label={t('dashboard.staff')}
                value={figures.staff.value}
                valueText={figures.staff.value === null ? '—' : formatNumber(figures.staff.value, 1)}
                target={figures.staff.target}
                targetText={
                  figures.staff.target
                    ? targetText(figures.staff.target, formatNumber(figures.staff.target.value))
                    : t('dashboard.noTarget')
                }
                source={sources(figures.staff.sources)}
              />
              <KpiCard
                testId="kpi-outside-band"
                label={t('dashboard.outsideBand')}
                value={figures.outsideBand.count}
                valueText={t('dashboard.countOf', {
                  n: figures.outsideBand.count,
                  of: figures.outsideBand.of,
                })}
                target={figures.outsideBand.ruleIds.length > 0 ? { kind: 'max', value: 0 } : null}
                targetText={
                  figures.outsideBand.ruleIds.length > 0 ? t('dashboard.targetNone') : t('dashboard.noTarget')
                }
                source={sources(figures.outsideBand.sources)}
              />
              <KpiCard
                testId="kpi-villages"
                label={t('dashboard.villages')}
                value={figures.villages.count}
                valueText={t('dashboard.countOf', { n: figures.villages.count, of: figures.villages.of })}
                target={null}
                targetText={t('dashboard.villagesTarget')}
                source={sources(figures.villages.sources)}
              />
            </div>
          </section>
          <div className="dashboard-columns">
            <div className="dashboard-column">
              <section className="dashboard-section dashboard-chart-section dashboard-heatmap-section">
                <div className="coverage-head">
                  <h2 className="dashboard-section-title">{coverageTitle}</h2>
                  <CoverageSubjectSelect
                    subject={coverageSubject}
                    categories={figures.coverage.map((kpi) => kpi.category)}
                    onChange={setCoverageSubject}
                  />
                </div>
                <CoverageFigure data={coverageFigure.data} failed={coverageFigure.failed} />
              </section>
              <section className="dashboard-section dashboard-chart-section">
                <h2 className="dashboard-section-title">{t('dashboard.chartTitle')}</h2>
                <TravelTimeChart bins={figures.bins} residents={figures.residents} />
                <p className="dashboard-note">{t('dashboard.chartNote')}</p>
              </section>
            </div>
            <section className="dashboard-section dashboard-ranking-section">
              <h2 className="dashboard-section-title">{t('dashboard.rankingTitle')}</h2>
              <RankingTable rows={figures.ranking} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function categoryName(category: string, language: Language): string {
  if (!isFacilityCategoryId(category)) return category;
  const known = FACILITY_CATEGORIES[category];
  return language === 'zh' ? known.nameZh : known.nameEn;
}

function targetText(target: KpiTarget, value: string): string {
  return `${target.kind === 'min' ? '≥' : '≤'} ${value}`;
}

function meets(value: number | null, target: KpiTarget | null): boolean | null {
  if (value === null || target === null) return null;
  return target.kind === 'min' ? value >= target.value : value <= target.value;
}

function KpiCard(props: {
  testId: string;
  label: string;
  value: number | null;
  valueText: string;
  target: KpiTarget | null;
  targetText: string;
  source: string;
}) {
  const { t } = useI18n();
  const met = meets(props.value, props.target);
  const status = met === null ? 'neutral' : met ? 'pass' : 'fail';
  return (
    <div
      className={`kpi-card is-${status}`}
      data-testid={props.testId}
      data-value={props.value ?? ''}
      data-status={status}
    >
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value" data-testid="kpi-value">
        {props.valueText}
      </div>
      <div className="kpi-target">
        {t('dashboard.target')} {props.targetText}
        {met !== null && (
          <span className="kpi-status">{met ? t('dashboard.met') : t('dashboard.notMet')}</span>
        )}
      </div>
      <div className="kpi-source">
        {t('dashboard.source')} {props.source}
      </div>
    </div>
  );
}

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
        const label =
          bin.toMinutes === null
            ? t('dashboard.binBeyond', { n: bin.fromMinutes })
            : `${bin.fromMinutes}–${bin.toMinutes}`;
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

/** A gap in a few words (what is short and by how much); the full rule with its bound is the hover text. */
function gapText(gap: ScenarioRuleResult, language: Language): { short: string; full: string } {
  const figure = ruleFigureText(gap, language);
  const measure = RULES.find((rule) => rule.id === gap.ruleId)?.measure ?? '';
  const name = measure.startsWith('coveredShare:')
    ? categoryName(measure.slice('coveredShare:'.length), language)
    : gap.title[language];
  const needs = language === 'zh' ? '要求' : 'needs';
  return {
    short: figure ? `${name} ${figure}` : name,
    full: `${gap.title[language]}${figure ? `：${figure}` : ''}，${needs} ${gap.threshold}（${gap.sources.map((id) => sourceText(id, language)).join('、')}）`,
  };
}

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
              {row.completeness === null ? '—' : `${row.passed}/${row.evaluated}`}
              <span className="ranking-bar" aria-hidden="true">
                <span style={{ width: `${(row.completeness ?? 0) * 100}%` }} />
              </span>
            </td>
            <td className="ranking-gaps">
              {row.gaps.length === 0
                ? t('dashboard.noGaps')
                : row.gaps.map((gap) => {
                    const text = gapText(gap, language);
                    return (
                      <span key={gap.ruleId} className="gap-chip" title={text.full}>
                        {text.short}
                      </span>
                    );
                  })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

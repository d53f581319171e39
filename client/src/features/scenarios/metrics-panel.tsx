/**
 * The right panel on the scenarios screen: every metric of the community being edited, recomputed
 * by core's evaluator at each stroke, each rule of the chosen profile as a pass/fail badge (its
 * figure, threshold, sources and advice on hover), and its own attributes to change.
 */
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { formatCount, formatNumber, formatShare, formatSquareMeters } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  COMMUNITY_TYPES,
  FACILITY_CATEGORIES,
  isFacilityCategoryId,
  type CommunityTypeId,
} from '../../lib/standards';
import { COMMUNITY_TYPE_COLOURS, cssColour } from '../../map/colours';
import { CommunityTypeSelect } from './community-type-select';
import { ruleFigureText, sourceText } from './rule-text';
import {
  STANDARDS_PROFILES,
  STANDARDS_PROFILE_IDS,
  isStandardsProfileId,
  type RuleResult,
} from './scenario-core';
import type { ScenarioEditor } from './use-scenario-editor';

export function MetricsPanel({ editor }: { editor: ScenarioEditor }) {
  const { t, localName } = useI18n();
  const { session, activeId, profile, revision } = editor;
  const evaluator = session?.evaluator ?? null;
  const community = evaluator && activeId && evaluator.hasCommunity(activeId) ? activeId : null;

  return (
    <section
      className="panel metrics-panel"
      data-testid="metrics-panel"
      aria-labelledby="metrics-panel-title"
    >
      <div className="panel-title-row">
        <h2 id="metrics-panel-title" className="panel-title">
          {t('scenario.metrics.title')}
        </h2>
      </div>
      <div className="access-field profile-field">
        <label className="access-label" htmlFor="standards-profile">
          {t('scenario.profile')}
        </label>
        <select
          id="standards-profile"
          className="select-input"
          value={profile}
          data-testid="profile-picker"
          onChange={(event) => {
            if (isStandardsProfileId(event.target.value)) editor.setProfile(event.target.value);
          }}
        >
          {STANDARDS_PROFILE_IDS.map((id) => (
            <option key={id} value={id}>
              {localName(STANDARDS_PROFILES[id])} · {STANDARDS_PROFILES[id].source}
            </option>
          ))}
        </select>
      </div>
      {!session ? (
        <p className="hint">{t('scenario.metrics.noScenario')}</p>
      ) : community ? (
        <CommunityMetricsView key={community} editor={editor} communityId={community} revision={revision} />
      ) : (
        <ScenarioOverview editor={editor} />
      )}
    </section>
  );
}

/** With no community chosen: how many communities fail a rule, and a prompt. */
function ScenarioOverview({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const evaluator = editor.session!.evaluator;
  const ids = evaluator.communityIds();
  const failing = ids.filter((id) =>
    evaluator.judge(id, editor.profile).some((rule) => rule.status === 'fail'),
  ).length;
  const residents = evaluator.allMetrics().reduce((sum, metrics) => sum + metrics.residents, 0);
  return (
    <>
      <p className="hint">{t('scenario.metrics.pick')}</p>
      <div className="kpis">
        <Kpi label={t('summary.communities')} value={formatCount(ids.length)} />
        <Kpi
          label={t('scenario.metrics.failingCommunities')}
          value={formatCount(failing)}
          alert={failing > 0}
        />
        <Kpi label={t('summary.residents')} value={formatCount(residents)} />
      </div>
    </>
  );
}

function Kpi({
  label,
  value,
  testId,
  raw,
  alert,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
  raw?: number;
  alert?: boolean;
}) {
  return (
    <div className={`kpi${alert ? ' kpi-alert' : ''}`}>
      <div className="kpi-value" data-testid={testId} data-value={raw}>
        {value}
      </div>
      <div className="kpi-label">{label}</div>
    </div>
  );
}

function Row({
  label,
  value,
  testId,
  warn,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
  warn?: boolean;
}) {
  const { t } = useI18n();
  const missing = value === null || value === undefined;
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd data-testid={testId} className={missing ? 'is-missing' : warn ? 'is-warning' : undefined}>
        {missing ? t('value.missing') : value}
      </dd>
    </div>
  );
}

function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function CommunityMetricsView({
  editor,
  communityId,
  revision,
}: {
  editor: ScenarioEditor;
  communityId: string;
  revision: number;
}) {
  const { t, language, localName } = useI18n();
  const session = editor.session!;
  const evaluator = session.evaluator;
  // Read afresh at every revision: the evaluator changes in place.
  const { metrics, record, rules, changed } = useMemo(() => {
    void revision;
    return {
      metrics: evaluator.metrics(communityId),
      record: evaluator.communityRecord(communityId),
      rules: evaluator.judge(communityId, editor.profile),
      changed: session.communityChanged(communityId),
    };
  }, [session, evaluator, communityId, editor.profile, revision]);
  const type = COMMUNITY_TYPES[record.type];
  const name = language === 'en' && record.nameEn ? record.nameEn : record.name;
  const failed = rules.filter((rule) => rule.status === 'fail').length;
  const coverageByTier = useMemo(() => {
    const tiers = new Map<number, { category: string; share: number | null }[]>();
    for (const [category, share] of Object.entries(metrics.coveredShareByCategory)) {
      const tier = isFacilityCategoryId(category) ? FACILITY_CATEGORIES[category].tierMinutes : null;
      if (tier === null) continue;
      tiers.set(tier, [...(tiers.get(tier) ?? []), { category, share }]);
    }
    return [...tiers].sort((a, b) => a[0] - b[0]);
  }, [metrics.coveredShareByCategory]);

  return (
    <div className="details" data-testid="community-metrics" data-community-id={communityId}>
      <header className="details-head">
        <span className="kind-chip">{t('scenario.metrics.community')}</span>
        {changed && <span className="kind-chip chip-pending">{t('scenario.unsaved')}</span>}
        <h3 className="details-name" data-testid="metrics-name">
          {name}
        </h3>
        <div className="details-type">
          <span
            className="swatch swatch-area"
            style={{ background: cssColour(COMMUNITY_TYPE_COLOURS[record.type] ?? [160, 160, 160]) }}
          />
          {type ? localName(type) : record.type}
          <span className="rule-tally" data-testid="metrics-failed" data-value={failed}>
            {failed > 0 ? t('scenario.metrics.failedCount', { n: failed }) : t('scenario.metrics.allPass')}
          </span>
        </div>
      </header>
      <div className="kpis metric-kpis">
        <Kpi
          label={t('field.residents')}
          value={formatCount(metrics.residents)}
          raw={metrics.residents}
          testId="metric-residents"
        />
        <Kpi
          label={t('field.households')}
          value={formatCount(metrics.households)}
          raw={metrics.households}
          testId="metric-households"
        />
        <Kpi
          label={t('scenario.metrics.elderly')}
          value={formatCount(metrics.elderly)}
          raw={metrics.elderly}
          testId="metric-elderly"
        />
        <Kpi
          label={t('scenario.metrics.area')}
          value={formatNumber(metrics.areaSquareKilometers, 3)}
          raw={metrics.areaSquareKilometers}
          testId="metric-area"
        />
      </div>
      <dl className="fields">
        <Row label={t('field.units')} value={formatCount(metrics.unitCount)} testId="metric-units" />
        <Row
          label={t('scenario.metrics.density')}
          value={formatCount(metrics.residentsPerSquareKilometer)}
          testId="metric-density"
        />
        <Row
          label={t('scenario.metrics.compactness')}
          value={metrics.polsbyPopper === null ? null : formatNumber(metrics.polsbyPopper, 2)}
          testId="metric-compactness"
        />
        <Row
          label={t('scenario.metrics.contiguity')}
          value={
            metrics.parts === 1
              ? t('scenario.metrics.contiguous')
              : t('scenario.metrics.parts', { n: metrics.parts })
          }
          warn={metrics.parts > 1}
          testId="metric-parts"
        />
        <Row
          label={t('field.serviceFloorArea')}
          value={formatSquareMeters(metrics.serviceFloorAreaSquareMeters)}
        />
        <Row
          label={t('scenario.metrics.floorPer100')}
          value={
            metrics.serviceFloorAreaPer100Households === null
              ? null
              : formatNumber(metrics.serviceFloorAreaPer100Households, 1)
          }
          testId="metric-floor-per-100"
        />
        <Row label={t('field.staff')} value={formatCount(metrics.staff)} />
        <Row
          label={t('scenario.metrics.staffPer10k')}
          value={metrics.staffPer10kResidents === null ? null : formatNumber(metrics.staffPer10kResidents, 1)}
          testId="metric-staff-per-10k"
        />
        <Row
          label={t('scenario.metrics.residentsBand')}
          value={bandText(metrics.residentsOutsideBand, record.type, 'residents', t)}
          warn={metrics.residentsOutsideBand !== 0}
          testId="metric-residents-band"
        />
        <Row
          label={t('scenario.metrics.householdsBand')}
          value={bandText(metrics.householdsOutsideBand, record.type, 'households', t)}
          warn={metrics.householdsOutsideBand !== 0}
        />
      </dl>

      <section className="details-section">
        <h4 className="section-title">
          {t('scenario.metrics.rules')} <span className="section-count">{rules.length}</span>
        </h4>
        <ul className="rule-list" data-testid="rule-list">
          {rules.map((rule) => (
            <RuleRow key={rule.ruleId} rule={rule} />
          ))}
        </ul>
      </section>

      {coverageByTier.length > 0 && (
        <section className="details-section">
          <h4 className="section-title">{t('scenario.metrics.coverage')}</h4>
          {coverageByTier.map(([tier, rows]) => (
            <div key={tier} className="tier-block">
              <div className="tier-caption">{t('access.legend.tier', { n: tier })}</div>
              <ul className="coverage-table">
                {rows.map((row) => (
                  <li
                    key={row.category}
                    className="coverage-row is-static"
                    data-testid="metric-coverage"
                    data-category={row.category}
                  >
                    <span className="coverage-name">
                      {isFacilityCategoryId(row.category)
                        ? localName(FACILITY_CATEGORIES[row.category])
                        : row.category}
                    </span>
                    <span className="coverage-track">
                      <span
                        className={`coverage-fill${row.share !== null && row.share < 0.8 ? ' is-low' : ''}`}
                        style={{ width: `${Math.round((row.share ?? 0) * 100)}%` }}
                      />
                    </span>
                    <span className="coverage-share">
                      {row.share === null ? t('value.missing') : formatShare(row.share)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      <AttributeForm editor={editor} communityId={communityId} revision={revision} />
    </div>
  );
}

function bandText(
  outside: number,
  type: CommunityTypeId,
  band: 'residents' | 'households',
  t: ReturnType<typeof useI18n>['t'],
): string {
  if (!COMMUNITY_TYPES[type][band]) return t('band.noRule');
  if (outside === 0) return t('band.within');
  return outside < 0
    ? t('scenario.metrics.belowBy', { n: formatNumber(-outside) })
    : t('scenario.metrics.aboveBy', { n: formatNumber(outside) });
}

function RuleRow({ rule }: { rule: RuleResult }) {
  const { t, language } = useI18n();
  const figure = ruleFigureText(rule, language);
  const sources = rule.sources.map((source) => sourceText(source, language)).join('、');
  const statusKey =
    rule.status === 'pass'
      ? 'scenario.rule.pass'
      : rule.status === 'fail'
        ? 'scenario.rule.fail'
        : 'scenario.rule.na';
  const why =
    rule.status === 'not-applicable'
      ? rule.reason === 'missing-data'
        ? t('scenario.rule.missingData')
        : t('scenario.rule.notForType')
      : null;
  const tooltip = [
    rule.title[language],
    figure !== null ? t('scenario.rule.figure', { figure }) : null,
    rule.threshold ? t('scenario.rule.threshold', { threshold: rule.threshold }) : null,
    t('scenario.rule.sources', { sources }),
    rule.status === 'fail' ? rule.advice[language] : why,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <li
      className={`rule-row is-${rule.status}`}
      title={tooltip}
      data-testid="rule-row"
      data-rule-id={rule.ruleId}
      data-status={rule.status}
    >
      <span className={`badge rule-badge badge-${rule.status}`}>{t(statusKey)}</span>
      <span className="rule-body">
        <span className="rule-title">{rule.title[language]}</span>
        <span className="rule-figure">
          {figure ?? why}
          {rule.threshold && (
            <span className="rule-threshold">
              {' '}
              · {t('scenario.rule.threshold', { threshold: rule.threshold })}
            </span>
          )}
        </span>
      </span>
      <span className="rule-source">{sources}</span>
    </li>
  );
}

/** Name, type, service floor area and staff of the community, applied as one `update` edit. */
function AttributeForm({
  editor,
  communityId,
  revision,
}: {
  editor: ScenarioEditor;
  communityId: string;
  revision: number;
}) {
  const { t } = useI18n();
  const record = useMemo(() => {
    void revision;
    return editor.session!.evaluator.communityRecord(communityId);
  }, [editor.session, communityId, revision]);
  const [name, setName] = useState(record.name);
  const [type, setType] = useState<CommunityTypeId>(record.type);
  const [floor, setFloor] = useState(record.serviceFloorAreaSquareMeters?.toString() ?? '');
  const [staff, setStaff] = useState(record.staff?.toString() ?? '');
  useEffect(() => {
    setName(record.name);
    setType(record.type);
    setFloor(record.serviceFloorAreaSquareMeters?.toString() ?? '');
    setStaff(record.staff?.toString() ?? '');
  }, [record]);
  const floorValue = floor.trim() === '' ? null : Number(floor);
  const staffValue = staff.trim() === '' ? null : Number(staff);
  const floorBad = floorValue !== null && !(Number.isFinite(floorValue) && floorValue >= 0);
  const staffBad = staffValue !== null && !(Number.isInteger(staffValue) && staffValue >= 0);
  const changes = {
    ...(name.trim() !== record.name ? { name: name.trim() } : {}),
    ...(type !== record.type ? { type } : {}),
    ...(floorValue !== record.serviceFloorAreaSquareMeters
      ? { serviceFloorAreaSquareMeters: floorValue }
      : {}),
    ...(staffValue !== record.staff ? { staff: staffValue } : {}),
  };
  const canApply = Object.keys(changes).length > 0 && name.trim() !== '' && !floorBad && !staffBad;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canApply) editor.update(changes);
  };
  return (
    <details className="details-section attribute-form">
      <summary className="section-title">{t('scenario.attributes.title')}</summary>
      <form onSubmit={submit} data-testid="attribute-form">
        <label className="form-row">
          <span>{t('field.name')}</span>
          <input
            className="text-input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
          />
        </label>
        <label className="form-row">
          <span>{t('field.type')}</span>
          <CommunityTypeSelect value={type} onChange={setType} />
        </label>
        <label className="form-row">
          <span>{t('field.serviceFloorArea')}</span>
          <input
            className="text-input"
            inputMode="decimal"
            value={floor}
            aria-invalid={floorBad}
            onChange={(event) => setFloor(event.target.value)}
          />
        </label>
        <label className="form-row">
          <span>{t('field.staff')}</span>
          <input
            className="text-input"
            inputMode="numeric"
            value={staff}
            aria-invalid={staffBad}
            onChange={(event) => setStaff(event.target.value)}
          />
        </label>
        {(floorBad || staffBad) && <p className="field-error">{t('scenario.attributes.invalid')}</p>}
        <button type="submit" className="button-primary" disabled={!canApply} data-testid="attribute-apply">
          {t('scenario.attributes.apply')}
        </button>
      </form>
    </details>
  );
}

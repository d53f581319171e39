/**
 * The siting tab (选址): where k new facilities of a category cover the most demand within the
 * tier, on the open scenario's facilities or the baseline's. The form, the run with its seconds,
 * then coverage before → after, what stays uncovered and the gap to the bound, each proposed site
 * with its marginal gain (numbered as on the map), and 采用 (adopt).
 */
import type { DemandGroup } from '../../../../core/accessibility/demand-groups';
import { errorText } from '../../lib/error-text';
import { formatNumber, formatShare } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { CategorySelect } from '../../ui/category-select';
import { DataTable } from '../../ui/data-table';
import { FormRow } from '../../ui/form-row';
import { Kpi } from '../../ui/kpi';
import { LoadingLine } from '../../ui/loading-line';
import { Note } from '../../ui/note';
import { NumberInput } from '../../ui/number-input';
import { Panel } from '../../ui/panel';
import { Section } from '../../ui/section';
import { SegmentedControl } from '../../ui/segmented-control';
import { Switch } from '../../ui/switch';
import { siteRows, sitingSummary } from './siting-figures';
import {
  CANDIDATE_KINDS,
  MAX_SITING_COUNT,
  SITING_TIERS_MINUTES,
  type SitingTierMinutes,
} from './siting-form';
import type { SitingState } from './use-siting';
import './siting-panel.css';

const DEMAND_CHOICES: readonly DemandGroup[] = ['residents', 'children', 'elderly'];

export function SitingPanel({ state }: { state: SitingState }) {
  const { t, language } = useI18n();
  const { target } = state;
  return (
    <Panel name="siting-panel" testId="siting-panel" titleId="siting-panel-title" title={t('siting.title')}>
      <p
        className="field-hint"
        data-testid="siting-target"
        data-scenario-id={target.scenarioId ?? 'baseline'}
        data-version={target.version ?? undefined}
      >
        {target.scenarioId
          ? t('siting.on.scenario', { name: target.name ?? '', version: target.version ?? 1 })
          : t('siting.on.baseline')}
      </p>
      <SitingFormView state={state} />
      {state.running ? (
        <LoadingLine>{t('siting.running', { seconds: state.elapsedSeconds })}</LoadingLine>
      ) : state.refusal ? (
        <Note testId="siting-refusal">{errorText(state.refusal, language, t)}</Note>
      ) : state.answer ? (
        <SitingResult state={state} />
      ) : null}
    </Panel>
  );
}

function SitingFormView({ state }: { state: SitingState }) {
  const { t } = useI18n();
  const { form, setForm } = state;
  return (
    <div className="siting-form" data-testid="siting-form">
      <FormRow label={t('siting.category')}>
        <CategorySelect value={form.category} onChange={state.setCategory} testId="siting-category" />
      </FormRow>
      <FormRow label={t('siting.count', { max: MAX_SITING_COUNT })}>
        <NumberInput
          className="text-input"
          integer
          text={form.countText}
          onText={(countText) => setForm({ ...form, countText })}
          invalid={state.problems.includes('count')}
          testId="siting-count"
        />
      </FormRow>
      {state.problems.includes('count') && (
        <p className="siting-problem">{t('siting.problem.count', { max: MAX_SITING_COUNT })}</p>
      )}
      <div className="form-row">
        <span>{t('siting.minutes')}</span>
        <SegmentedControl<SitingTierMinutes>
          label={t('siting.minutes')}
          testId="siting-minutes"
          value={form.minutes}
          options={SITING_TIERS_MINUTES.map((minutes) => ({
            value: minutes,
            label: t('siting.minutesValue', { minutes }),
          }))}
          onChange={(minutes) => setForm({ ...form, minutes })}
          wide
        />
      </div>
      <div className="form-row">
        <span>{t('siting.demand')}</span>
        <SegmentedControl<DemandGroup>
          label={t('siting.demand')}
          testId="siting-demand"
          value={form.demand}
          options={DEMAND_CHOICES.map((group) => ({
            value: group,
            label: t(`siting.demandChoice.${group}`),
          }))}
          onChange={(demand) => setForm({ ...form, demand })}
          wide
        />
      </div>
      <div className="form-row">
        <span>{t('siting.candidates')}</span>
        <SegmentedControl
          label={t('siting.candidates')}
          testId="siting-candidates"
          value={form.candidates}
          options={CANDIDATE_KINDS.map((kind) => ({ value: kind, label: t(`siting.candidates.${kind}`) }))}
          onChange={(candidates) => setForm({ ...form, candidates })}
          wide
        />
      </div>
      <FormRow label={t('siting.capacity')}>
        <NumberInput
          className="text-input"
          text={form.capacityText}
          placeholder={t('siting.capacityNone')}
          onText={(capacityText) => setForm({ ...form, capacityText })}
          invalid={state.problems.includes('capacity')}
          testId="siting-capacity"
        />
      </FormRow>
      {state.problems.includes('capacity') && (
        <p className="siting-problem">{t('siting.problem.capacity')}</p>
      )}
      <label className="siting-keep">
        <Switch
          checked={form.keepExisting}
          onChange={(keepExisting) => setForm({ ...form, keepExisting })}
          testId="siting-keep-existing"
        />
        {t('siting.keepExisting')}
      </label>
      <Button variant="primary" testId="siting-run" disabled={state.running} onClick={state.run}>
        {t('siting.run')}
      </Button>
    </div>
  );
}

function SitingResult({ state }: { state: SitingState }) {
  const { t } = useI18n();
  const answer = state.answer!;
  const summary = sitingSummary(answer);
  const rows = siteRows(answer);
  const group = t(`siting.demand.${answer.demandGroup}`);
  const adoption = state.adoption;
  return (
    <div
      className="siting-result"
      data-testid="siting-result"
      data-scenario-id={answer.scenario.id}
      data-covered-before={summary.coveredBefore}
      data-covered-after={summary.coveredAfter}
      data-gain={summary.gain}
    >
      <p className="field-hint">
        {t('siting.answerOf', {
          group,
          minutes: answer.tierMinutes,
          existing: answer.existingFacilities,
          considered: formatNumber(answer.candidates.considered),
        })}
      </p>
      <div className="coverage-kpis">
        <Kpi
          label={t('siting.coverage', { group })}
          value={`${formatShare(summary.coveredBeforeShare)} → ${formatShare(summary.coveredAfterShare)}`}
        >
          <div className="kpi-sub">
            {formatNumber(summary.coveredBefore, 1)} → {formatNumber(summary.coveredAfter, 1)} (+
            {formatNumber(summary.gain, 1)})
          </div>
        </Kpi>
        <Kpi label={t('siting.uncovered', { group })} value={formatNumber(summary.uncovered, 1)}>
          <div className="kpi-sub">
            {t('siting.ofTotal', { share: formatShare(summary.uncoveredShare) ?? '' })}
          </div>
        </Kpi>
      </div>
      <p className="siting-bound" data-testid="siting-bound" data-gap-share={summary.gapShare}>
        {summary.provedOptimal
          ? t('siting.optimal')
          : t('siting.gap', {
              share: formatShare(summary.gapShare) ?? '',
              bound: formatNumber(summary.upperBound, 1),
            })}
      </p>
      <Section heading="h3" title={t('siting.sites')} count={rows.length}>
        <DataTable className="siting-table" testId="siting-sites">
          <thead>
            <tr>
              <th scope="col">{t('siting.column.rank')}</th>
              <th scope="col" className="num">
                {t('siting.column.gain')}
              </th>
              <th scope="col" className="num">
                {t('siting.column.after')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.rank} data-testid="siting-site" data-rank={row.rank} data-gain={row.gain}>
                <th scope="row">
                  <span className="siting-rank">{row.rank}</span>
                </th>
                <td className="num" title={formatShare(row.gainShare) ?? undefined}>
                  +{formatNumber(row.gain, 1)}
                </td>
                <td className="num">
                  {formatNumber(row.coveredAfter, 1)}（{formatShare(row.coveredAfterShare)}）
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Section>
      {answer.sites.length > 0 && (
        <Button
          variant="primary"
          testId="siting-adopt"
          disabled={adoption?.kind === 'saving' || adoption?.kind === 'adopted'}
          onClick={state.adopt}
        >
          {state.target.scenarioId ? t('siting.adopt.scenario') : t('siting.adopt.baseline')}
        </Button>
      )}
      <AdoptionLine state={state} />
    </div>
  );
}

function AdoptionLine({ state }: { state: SitingState }) {
  const { t, language } = useI18n();
  const adoption = state.adoption;
  if (!adoption) return null;
  switch (adoption.kind) {
    case 'saving':
      return <LoadingLine>{t('siting.adopting')}</LoadingLine>;
    case 'adopted':
      return (
        <Note testId="siting-adopted">
          <span data-scenario-id={adoption.scenarioId} data-version={adoption.version}>
            {t(adoption.created ? 'siting.adopted.created' : 'siting.adopted.saved', {
              name: adoption.scenarioName,
              version: adoption.version,
            })}
          </span>
        </Note>
      );
    case 'conflict':
      return (
        <Note testId="siting-conflict">
          {t('siting.conflict', { version: adoption.currentVersion ?? '?' })}{' '}
          <Button variant="link" onClick={state.reloadScenario}>
            {t('siting.reload')}
          </Button>
        </Note>
      );
    case 'refused':
      return <Note testId="siting-adopt-refused">{errorText(adoption.error, language, t)}</Note>;
    case 'pending-edits':
      return <Note testId="siting-pending">{t('siting.pendingEdits', { n: adoption.count })}</Note>;
  }
}

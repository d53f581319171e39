/**
 * The dashboard's approval block, on screen and on the printed A4: which scenario (or the
 * baseline), its version and approval state with who took the last step and when, the print date,
 * the data date (when the region's data was last loaded or imported) and the issuing unit
 * (编制单位, set by an administrator in 系统管理).
 */
import type { ReactNode } from 'react';
import type { ScenarioSummary } from '../../lib/api-types';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Badge, type BadgeTone } from '../../ui/badge';

const STATE_TONES: Record<ScenarioSummary['reviewState'], BadgeTone> = {
  draft: 'undetermined',
  submitted: 'advice',
  approved: 'pass',
  returned: 'fail',
};

/** The local calendar date of an ISO moment, "2026-12-07". */
export function dateText(iso: string | Date): string {
  return formatDateTime(typeof iso === 'string' ? iso : iso.toISOString()).slice(0, 10);
}

function Field({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="approval-field" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ApprovalBlock({
  scenario,
  dataLoadedAt,
  issuingUnit,
  printedAt,
}: {
  /** The scenario shown, or null for the baseline. */
  scenario: ScenarioSummary | null;
  dataLoadedAt: string | null;
  issuingUnit: string | null;
  printedAt: Date;
}) {
  const { t } = useI18n();
  const step = scenario?.lastReview ?? null;
  return (
    <dl
      className="approval-block"
      data-testid="approval-block"
      data-state={scenario?.reviewState ?? 'baseline'}
    >
      {scenario ? (
        <>
          <Field label={t('dashboard.approval.scenario')} testId="approval-scenario">
            <strong>{scenario.name}</strong>
          </Field>
          <Field label={t('dashboard.approval.version')} testId="approval-version">
            {t('dashboard.approval.versionText', { n: scenario.version })}
          </Field>
          <Field label={t('dashboard.approval.state')} testId="approval-state">
            <Badge tone={STATE_TONES[scenario.reviewState]}>
              {t(`dashboard.approval.state.${scenario.reviewState}`)}
            </Badge>
            {step && (
              <span className="approval-step">
                {' '}
                {t(`dashboard.approval.step.${step.action}`, {
                  by: step.by ?? '—',
                  date: dateText(step.at),
                  version: step.version,
                })}
              </span>
            )}
          </Field>
        </>
      ) : (
        <Field label={t('dashboard.approval.scenario')} testId="approval-scenario">
          {t('dashboard.approval.baseline')}
        </Field>
      )}
      <Field label={t('dashboard.approval.dataDate')} testId="approval-data-date">
        {dataLoadedAt ? dateText(dataLoadedAt) : '—'}
      </Field>
      <Field label={t('dashboard.approval.printDate')} testId="approval-print-date">
        {dateText(printedAt)}
      </Field>
      <Field label={t('dashboard.approval.issuingUnit')} testId="approval-issuing-unit">
        {issuingUnit ?? '—'}
      </Field>
    </dl>
  );
}

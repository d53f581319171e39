/**
 * One label–value row of a definition list (`<dl className="fields">`): a community's or a
 * facility's attribute, a metric. A missing value shows as a dash.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import './value-row.css';

export interface ValueRowProps {
  label: string;
  value: ReactNode;
  testId?: string;
  /** The value is outside what the standards ask (drawn in the warning colour). */
  warn?: boolean;
}

export function ValueRow({ label, value, testId, warn }: ValueRowProps) {
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

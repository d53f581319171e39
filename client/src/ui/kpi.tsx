/**
 * A key figure in a small box: its value large, its label under it, and anything that belongs to it
 * after (a switch, a tally). `alert` marks a figure that asks for attention. Extra `data-*`
 * attributes go on the box, for tests that read the figure.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import './kpi.css';

export interface KpiProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className'> {
  label: ReactNode;
  /** The figure as shown; null shows a dash. */
  value: ReactNode;
  alert?: boolean;
  /** `data-testid` and `data-value` of the figure itself. */
  valueTestId?: string;
  rawValue?: number;
  children?: ReactNode;
}

export function Kpi({ label, value, alert, valueTestId, rawValue, children, ...rest }: KpiProps) {
  const { t } = useI18n();
  return (
    <div className={`kpi${alert ? ' kpi-alert' : ''}`} {...rest}>
      <div className="kpi-value" data-testid={valueTestId} data-value={rawValue}>
        {value ?? t('value.missing')}
      </div>
      <div className="kpi-label">{label}</div>
      {children}
    </div>
  );
}

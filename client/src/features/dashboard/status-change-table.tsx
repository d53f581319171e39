/**
 * 状态变化的社区: the communities whose standards status a scenario changes against the baseline,
 * one row per rule that changes (the community named once), with the baseline's and the scenario's
 * verdict and whether it is for the better. From the server's comparison (scenario-figures.ts).
 */
import type { ResultStatus } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { RULES } from '../../lib/standards';
import { Badge } from '../../ui/badge';
import { statusKey, statusTone } from '../standards/rule-text';
import type { StatusChangeRow } from './scenario-figures';

const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function StatusChangeTable({ rows }: { rows: readonly StatusChangeRow[] }) {
  const { t, language } = useI18n();
  if (rows.length === 0) {
    return (
      <p className="dashboard-note" data-testid="status-changes-none">
        {t('dashboard.statusChangesNone')}
      </p>
    );
  }
  const changes = rows.flatMap((row) => row.changes);
  const badge = (ruleId: string, status: ResultStatus | null) =>
    status ? (
      <Badge tone={statusTone(status)}>
        {t(statusKey({ status, kind: RULES_BY_ID.get(ruleId)?.kind ?? 'rule' }))}
      </Badge>
    ) : (
      <span className="status-none">—</span>
    );
  return (
    <>
      <p className="dashboard-note">
        {t('dashboard.statusChangesCount', {
          n: rows.length,
          better: changes.filter((change) => change.direction === 'better').length,
          worse: changes.filter((change) => change.direction === 'worse').length,
        })}
      </p>
      <table className="status-change-table" data-testid="status-changes">
        <thead>
          <tr>
            <th>{t('dashboard.community')}</th>
            <th>{t('dashboard.statusChangeRule')}</th>
            <th>{t('dashboard.statusChangeWay')}</th>
            <th>{t('dashboard.statusChangeDirection')}</th>
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={row.id} data-testid="status-change-community" data-community-id={row.id}>
            {row.changes.map((change, index) => (
              <tr
                key={change.ruleId}
                data-testid="status-change"
                data-rule-id={change.ruleId}
                data-from={change.from ?? ''}
                data-to={change.to ?? ''}
                data-direction={change.direction}
              >
                {index === 0 && (
                  <td rowSpan={row.changes.length} className="status-change-community">
                    {row.name}
                    {(row.status === 'created' || row.status === 'dissolved') && (
                      <span className="status-change-kind"> · {t(`dashboard.community.${row.status}`)}</span>
                    )}
                  </td>
                )}
                <td>{RULES_BY_ID.get(change.ruleId)?.title[language] ?? change.ruleId}</td>
                <td className="status-change-way">
                  {badge(change.ruleId, change.from)} → {badge(change.ruleId, change.to)}
                </td>
                <td className={`status-change-direction is-${change.direction}`}>
                  {t(`dashboard.direction.${change.direction}`)}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </>
  );
}

/**
 * A community's rule results under the profile in force: a tally (what was judged, what could not
 * be), then the rules to act on first (不合格, 建议, 待定), those met, and the ones that do not apply
 * folded away. The 村改居 classification is listed but never tallied as a failure.
 */
import { useI18n } from '../../lib/i18n';
import { RuleRow } from './rule-row';
import { STATUS_ORDER, statusCounts, type RuleResultView } from './rule-text';
import { StatusTally } from './status-tally';
import './rules.css';

export function RuleList({
  rules,
  testId = 'rule-list',
}: {
  rules: readonly RuleResultView[];
  testId?: string;
}) {
  const { t } = useI18n();
  const shown = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.status !== 'not-applicable')
    .sort((a, b) => STATUS_ORDER[a.rule.status] - STATUS_ORDER[b.rule.status] || a.index - b.index)
    .map(({ rule }) => rule);
  const notApplicable = rules.filter((rule) => rule.status === 'not-applicable');
  if (rules.length === 0) return <p className="muted">{t('rule.none')}</p>;
  return (
    <div className="rule-results" data-testid={testId}>
      <StatusTally counts={statusCounts(rules)} />
      <ul className="rule-list">
        {shown.map((rule) => (
          <RuleRow key={rule.ruleId} rule={rule} />
        ))}
      </ul>
      {notApplicable.length > 0 && (
        <details className="rule-folded">
          <summary>{t('rule.notApplicableList', { n: notApplicable.length })}</summary>
          <ul className="rule-list">
            {notApplicable.map((rule) => (
              <RuleRow key={rule.ruleId} rule={rule} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** One rule of the chosen profile as a pass/fail badge with its figure; its threshold, sources and advice on hover. */
import { useI18n } from '../../lib/i18n';
import { Badge } from '../../ui/badge';
import { ruleFigureText, sourceText } from './rule-text';
import type { RuleResult } from './scenario-core';

export function RuleRow({ rule }: { rule: RuleResult }) {
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
      <Badge tone={rule.status} className="rule-badge">
        {t(statusKey)}
      </Badge>
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

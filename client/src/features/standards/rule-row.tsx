/**
 * One rule result as the documents state it: the status (合格 / 不合格 / 建议 / 待定·缺数据 / 不适用,
 * or 候选 / 非候选 / 待定 for the 村改居 classification), the grade, the figure against the bound, what
 * is missing, whether a figure is a tool default, and the document by title; opened, the clause with
 * its words, the tool's note and what to do.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { categoryName } from '../../lib/standards';
import { Badge } from '../../ui/badge';
import {
  documentTitles,
  figureText,
  gradeKey,
  missingText,
  sourceText,
  statusKey,
  statusTone,
  type RuleResultView,
} from './rule-text';
import './rules.css';

export function RuleRow({
  rule,
  subject,
  detail,
  testId = 'rule-row',
}: {
  rule: RuleResultView;
  /** Who a region or street result is about, before the title ("峒河街道"). */
  subject?: ReactNode;
  /** More lines in the opened detail (the communities a region figure counts). */
  detail?: ReactNode;
  testId?: string;
}) {
  const { t, language } = useI18n();
  const figure = figureText(rule.figure, rule.unit, language);
  const missing = rule.status === 'undetermined' ? missingText(rule.missing, t, language) : null;
  const reason =
    rule.status === 'not-applicable' && rule.reason
      ? t(`rule.reason.${rule.reason}` as Parameters<typeof t>[0])
      : null;
  const walked = rule.walk?.requirement.allOf
    .flatMap((target) =>
      target.anyOf.map((option) => `${categoryName(option.category)[language]} ${option.minutes}′`),
    )
    .join(language === 'en' ? ', ' : '、');
  return (
    <li
      className={`rule-row is-${rule.status}`}
      data-testid={testId}
      data-rule-id={rule.ruleId}
      data-status={rule.status}
      data-grade={rule.grade}
      data-tool-default={rule.toolDefault ? 'true' : 'false'}
    >
      <details>
        <summary>
          <Badge tone={statusTone(rule.status)} className="rule-badge">
            {t(statusKey(rule))}
          </Badge>
          <span className="rule-body">
            <span className="rule-title">
              {subject && <span className="rule-subject">{subject}</span>}
              {rule.title[language]}
              <span className={`grade-chip is-${rule.grade}`} title={t(`rule.gradeHint.${rule.grade}`)}>
                {t(gradeKey(rule.grade))}
              </span>
              {rule.toolDefault && (
                <span className="tool-default-chip" title={rule.toolDefaultNote?.[language]}>
                  {t('rule.toolDefault')}
                </span>
              )}
            </span>
            <span className="rule-figure">
              {figure !== null && <span className="rule-value">{t('rule.figure', { figure })}</span>}
              {rule.threshold && (
                <span className="rule-threshold">{t('rule.threshold', { threshold: rule.threshold })}</span>
              )}
              {missing && <span className="rule-missing">{missing}</span>}
              {reason && !missing && <span className="rule-reason">{reason}</span>}
            </span>
            <span className="rule-documents">{documentTitles(rule.sources, language).join(' ')}</span>
          </span>
        </summary>
        <div className="rule-detail" data-testid="rule-detail">
          {rule.sources.map((source, index) => (
            <p key={index} className="rule-source-line">
              <strong>{t('rule.source')}</strong> {sourceText(source, language)}
              {source.quote && <span className="rule-quote">{t('rule.quote', { quote: source.quote })}</span>}
            </p>
          ))}
          {rule.toolDefault && rule.toolDefaultNote && (
            <p className="rule-tool-note">
              <span className="tool-default-chip">{t('rule.toolDefault')}</span>{' '}
              {rule.toolDefaultNote[language]}
            </p>
          )}
          {rule.note && <p>{t('rule.note', { note: rule.note[language] })}</p>}
          {walked && rule.walk && (
            <p>
              {walked} · {t('rule.walk', { speed: rule.walk.speedMetersPerSecond })}
            </p>
          )}
          {detail}
          {(rule.status === 'fail' || rule.status === 'advice') && (
            <p className="rule-advice">{t('rule.advice', { advice: rule.advice[language] })}</p>
          )}
        </div>
      </details>
    </li>
  );
}

/**
 * What one community adds to region and street indicators (workers per 10 000, the 社工师 average,
 * coverage rates…): its own figure and the status of the region or street result it belongs to —
 * never a verdict on the community alone.
 */
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Bilingual, ResultStatus } from '../../lib/standards';
import { Badge } from '../../ui/badge';
import { documentTitles, figureText, statusKey, statusTone } from './rule-text';
import type { RegionRuleView } from './region-rules';
import './rules.css';

export interface ContributionView {
  ruleId: string;
  kind: string;
  title: Bilingual;
  unit: Bilingual;
  sources: RegionRuleView['sources'];
  figure: number | null;
  numerator: number | null;
  denominator: number | null;
  subjectStatus: ResultStatus;
  subject: RegionRuleView['subject'];
}

export function ContributionList({
  contributions,
  streetName,
}: {
  contributions: readonly ContributionView[];
  streetName: (streetId: string) => string;
}) {
  const { t, language } = useI18n();
  if (contributions.length === 0) return null;
  return (
    <div data-testid="contributions">
      <p className="field-hint">{t('contrib.hint')}</p>
      <ul className="contribution-list">
        {contributions.map((contribution, index) => {
          const figure = figureText(contribution.figure, contribution.unit, language);
          const subject =
            contribution.subject.kind === 'region'
              ? t('rule.scope.region')
              : streetName(contribution.subject.streetId);
          return (
            <li
              key={`${contribution.ruleId}:${index}`}
              className="contribution-row"
              data-testid="contribution"
              data-rule-id={contribution.ruleId}
              data-subject-status={contribution.subjectStatus}
            >
              <span className="contribution-title">{contribution.title[language]}</span>
              <Badge tone={statusTone(contribution.subjectStatus)}>
                {t('contrib.subject', {
                  subject,
                  status: t(statusKey({ status: contribution.subjectStatus, kind: contribution.kind })),
                })}
              </Badge>
              <span className="contribution-figure">
                {figure !== null && t('contrib.figure', { figure })}
                {contribution.numerator !== null && contribution.denominator !== null && (
                  <>
                    {figure !== null ? ' · ' : ''}
                    {t('contrib.ratio', {
                      numerator: formatNumber(contribution.numerator, 1),
                      denominator: formatNumber(contribution.denominator, 1),
                    })}
                  </>
                )}
                {' · '}
                {documentTitles(contribution.sources, language).join(' ')}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Region- and street-scope rules (standards §0): judged once for the whole region or for each street
 * or township seat, never for a community alone — the region's figure against the bound, the
 * communities it counts and those whose figures are missing.
 */
import type { ReactNode } from 'react';
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { RuleRow } from './rule-row';
import { statusCounts, type RuleResultView } from './rule-text';
import { StatusTally } from './status-tally';
import './rules.css';

export interface RegionRuleView extends RuleResultView {
  subject:
    | { kind: 'region' }
    | { kind: 'street'; streetId: string; seat: { kind: string | null; name: string | null } | null };
  communities: { counted: number; missing: readonly string[] };
}

export function RegionRuleList({
  results,
  streetName,
  communityName,
  testId = 'region-rules',
}: {
  results: readonly RegionRuleView[];
  streetName: (streetId: string) => string;
  communityName: (communityId: string) => string;
  testId?: string;
}) {
  const { t } = useI18n();
  if (results.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {t('region.rules.none')}
      </p>
    );
  const region = results.filter((result) => result.subject.kind === 'region');
  const street = results.filter((result) => result.subject.kind === 'street');
  const subjectOf = (result: RegionRuleView): ReactNode => {
    if (result.subject.kind !== 'street') return null;
    const name = streetName(result.subject.streetId);
    const seat = result.subject.seat;
    return seat?.name ? t('region.rules.seat', { street: name, seat: seat.name }) : name;
  };
  const detailOf = (result: RegionRuleView): ReactNode => (
    <p>
      {t('region.rules.counted', { n: formatCount(result.communities.counted) ?? '0' })}
      {result.communities.missing.length > 0 && (
        <>
          {' · '}
          {t('region.rules.missingCommunities', { n: result.communities.missing.length })}
          {': '}
          {result.communities.missing.slice(0, 12).map(communityName).join('、')}
          {result.communities.missing.length > 12 ? '…' : ''}
        </>
      )}
    </p>
  );
  return (
    <div className="region-rules" data-testid={testId}>
      <StatusTally counts={statusCounts(results)} testId="region-rules-tally" />
      {region.length > 0 && (
        <ul className="rule-list">
          {region.map((result) => (
            <RuleRow key={result.ruleId} rule={result} detail={detailOf(result)} testId="region-rule-row" />
          ))}
        </ul>
      )}
      {street.length > 0 && (
        <details className="rule-folded" open={region.length === 0}>
          <summary>
            {t('rule.scope.street')} · {t('rule.summary.judged', { n: statusCounts(street).judged })} /{' '}
            {formatCount(street.length)}
          </summary>
          <ul className="rule-list">
            {street.map((result, index) => (
              <RuleRow
                key={`${result.ruleId}:${index}`}
                rule={result}
                subject={subjectOf(result)}
                detail={detailOf(result)}
                testId="region-rule-row"
              />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

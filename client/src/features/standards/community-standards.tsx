/**
 * A community's standing under the judging in force, as the server judged it: its rule results
 * (the profile's documents by title, grades, 工具默认 marked) and what it contributes to region and
 * street indicators. Read from the region's baseline communities, so the attribute panel and the
 * scenarios screen say the same thing.
 */
import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n';
import { judgingProfile, type Judging } from '../../lib/judging';
import { useScenarioCommunitiesRead } from '../../lib/reads';
import { STANDARDS_PROFILES } from '../../lib/standards';
import { LoadingLine } from '../../ui/loading-line';
import { Section } from '../../ui/section';
import { ContributionList } from './contribution-list';
import { RuleList } from './rule-list';

export function CommunityStandards({
  regionId,
  communityId,
  judging,
  streetName,
}: {
  regionId: string;
  communityId: string;
  judging: Judging;
  streetName: (streetId: string) => string;
}) {
  const { t, localName } = useI18n();
  const read = useScenarioCommunitiesRead({ regionId, scenarioId: 'baseline', version: null, judging });
  const community = useMemo(
    () => read.data?.features.find((feature) => feature.properties.id === communityId)?.properties ?? null,
    [read.data, communityId],
  );
  return (
    <Section
      className="community-standards"
      title={t('standards.communityTitle', {
        profile: localName(STANDARDS_PROFILES[judgingProfile(judging)]),
      })}
    >
      {!community && read.fetching && <LoadingLine>{t('standards.loading')}</LoadingLine>}
      {community && <RuleList rules={community.rules} testId="community-rules" />}
      {community && <ContributionList contributions={community.contributions} streetName={streetName} />}
    </Section>
  );
}

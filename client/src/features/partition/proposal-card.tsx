/**
 * One proposal, drawn small and tabled: its communities coloured on a little map of the street, and
 * per community its residents, households, size band status, compactness, service station and
 * failing rules; 采用 adopts it as a new scenario.
 */
import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n';
import { formatCount, formatNumber } from '../../lib/format';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import type { PartitionProposal, ProposedCommunity } from './partition-api';
import { proposalColour, smallMap, type UnitPolygon } from './proposal-map';

const MAP_WIDTH_PIXELS = 260;
const MAP_HEIGHT_PIXELS = 170;

const BAND_TONES: Record<ProposedCommunity['bandStatus'], BadgeTone> = {
  within: 'pass',
  below: 'outside',
  above: 'outside',
  mixed: 'outside',
  'no-band': 'not-applicable',
};

export interface ProposalCardProps {
  proposal: PartitionProposal;
  geometryById: ReadonlyMap<string, UnitPolygon>;
  /** A community's name in the interface language (new ones are named by their order). */
  nameOf: (community: ProposedCommunity, newOrdinal: number) => string;
  onAdopt: () => void;
  adopting: boolean;
  disabled: boolean;
}

export function ProposalCard({
  proposal,
  geometryById,
  nameOf,
  onAdopt,
  adopting,
  disabled,
}: ProposalCardProps) {
  const { t, language } = useI18n();
  const map = useMemo(
    () => smallMap(proposal.communities, geometryById, MAP_WIDTH_PIXELS, MAP_HEIGHT_PIXELS),
    [proposal, geometryById],
  );
  let newOrdinal = 0;
  const names = proposal.communities.map((community) =>
    nameOf(community, community.isNew ? ++newOrdinal : 0),
  );
  return (
    <article className="proposal-card" data-testid="partition-proposal" data-rank={proposal.rank}>
      <header className="proposal-head">
        <h5>{t('partition.proposal', { rank: formatNumber(proposal.rank) })}</h5>
        <span className="proposal-score">
          {t('partition.score', { score: formatNumber(proposal.score, 3) })}
        </span>
        <span className="proposal-moved">
          {t('partition.moved', { n: formatCount(proposal.scoreParts.movedUnits) ?? '0' })}
        </span>
      </header>
      <svg
        className="proposal-map"
        width={map.widthPixels}
        height={map.heightPixels}
        viewBox={`0 0 ${map.widthPixels} ${map.heightPixels}`}
        role="img"
        aria-label={names.join('、')}
      >
        {map.paths.map((path, index) => (
          <path key={path.communityId} d={path.d} fill={proposalColour(index)} fillRule="evenodd">
            <title>{names[index]}</title>
          </path>
        ))}
      </svg>
      <DataTable className="proposal-table">
        <thead>
          <tr>
            <th>{t('partition.column.community')}</th>
            <th className="numeric">{t('partition.column.residents')}</th>
            <th className="numeric">{t('partition.column.households')}</th>
            <th>{t('partition.column.band')}</th>
            <th className="numeric" title={t('partition.compactnessHint')}>
              {t('partition.column.compactness')}
            </th>
            <th>{t('partition.column.station')}</th>
            <th className="numeric">{t('partition.column.failures')}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.communities.map((community, index) => {
            const failing = community.rules.filter((rule) => rule.status === 'fail');
            return (
              <tr
                key={community.communityId}
                data-testid="proposed-community"
                data-community-id={community.communityId}
                data-unit-count={community.unitCount}
              >
                <td>
                  <span className="proposal-swatch" style={{ background: proposalColour(index) }} />
                  {names[index]}
                  {community.kept && <span className="proposal-tag">{t('partition.kept')}</span>}
                  {community.isNew && <span className="proposal-tag">{t('partition.new')}</span>}
                </td>
                <td className="numeric">{formatCount(community.residents)}</td>
                <td className="numeric">{formatCount(community.households)}</td>
                <td>
                  <Badge tone={BAND_TONES[community.bandStatus]}>
                    {t(`partition.band.${community.bandStatus}`)}
                  </Badge>
                </td>
                <td className="numeric">
                  {community.polsbyPopper === null ? '–' : formatNumber(community.polsbyPopper, 2)}
                </td>
                <td>
                  {community.hasStation ? (
                    t('partition.station.has', { n: community.stationIds.length })
                  ) : (
                    <Badge tone="outside">{t('partition.station.needs')}</Badge>
                  )}
                </td>
                <td
                  className="numeric"
                  title={failing.map((rule) => rule.title[language]).join('\n') || undefined}
                >
                  {community.ruleSummary.fail}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <Button
        variant="primary"
        onClick={onAdopt}
        disabled={disabled}
        testId={`partition-adopt-${proposal.rank}`}
      >
        {adopting ? t('partition.adopting') : t('partition.adopt')}
      </Button>
    </article>
  );
}

/**
 * One category's coverage: the region's share within the tier, the uncovered units (marked on the
 * map, with the residents in them), and every community's share, a row to frame it on the map.
 */
import { useMemo } from 'react';
import type { CoverageResult, RegionLayers } from '../../lib/api-types';
import { formatCount, formatShare } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../lib/standards';
import { UNCOVERED_UNIT_FILL, UNCOVERED_UNIT_OUTLINE, cssColour } from '../../map/colours';
import { Kpi } from '../../ui/kpi';
import { Section } from '../../ui/section';
import { ShareList, ShareRow } from '../../ui/share-list';
import { Switch } from '../../ui/switch';
import { communityCoverageRows, regionCoverage, uncoveredUnits } from './coverage-rows';
import { communitiesWithEstimates } from './estimated';
import { EstimatedTag } from './estimated-tag';
import { tierOf } from './tiers';

/** Shares below this are drawn in the warning colour. */
const LOW_SHARE = 0.5;

export interface CategoryCoverageProps {
  result: CoverageResult;
  category: FacilityCategoryId;
  data: Partial<RegionLayers>;
  onShowCommunity: (communityId: string) => void;
  showUncovered: boolean;
  onShowUncovered: (show: boolean) => void;
}

export function CategoryCoverage({
  result,
  category,
  data,
  onShowCommunity,
  showUncovered,
  onShowUncovered,
}: CategoryCoverageProps) {
  const { t, language, localName } = useI18n();
  const units = data.units?.features;
  const region = regionCoverage(result, category);
  const rows = useMemo(() => communityCoverageRows(result, category), [result, category]);
  const uncovered = useMemo(() => uncoveredUnits(result, category, units ?? []), [result, category, units]);
  const estimatedCommunities = useMemo(() => communitiesWithEstimates(units ?? []), [units]);
  const regionEstimated = estimatedCommunities.size > 0;
  const nameOf = useMemo(() => {
    const names = new Map(
      (data.communities?.features ?? []).map((feature) => [feature.properties.id, feature.properties.nameEn]),
    );
    return (id: string, name: string) => (language === 'en' && names.get(id) ? names.get(id)! : name);
  }, [data.communities, language]);
  const categoryName = localName(FACILITY_CATEGORIES[category]);
  const tier = region?.tierMinutes ?? tierOf(category, result) ?? 0;

  return (
    <>
      <div className="coverage-kpis">
        <Kpi
          data-testid="coverage-region"
          data-share={region?.coveredShare ?? ''}
          label={t('access.coverageRegion', { minutes: tier })}
          value={
            <>
              {formatShare(region?.coveredShare) ?? t('value.missing')}
              {regionEstimated && <EstimatedTag />}
            </>
          }
        />
        <Kpi
          alert
          data-testid="uncovered-units"
          data-count={uncovered.unitCount}
          data-residents={uncovered.residents}
          label={
            <>
              {t('access.uncovered')} · {formatCount(uncovered.residents)} {t('band.residentsUnit')}
              {uncovered.estimated && <EstimatedTag />}
            </>
          }
          value={
            <>
              <span
                className="swatch swatch-area"
                style={{
                  background: cssColour(
                    [UNCOVERED_UNIT_FILL[0], UNCOVERED_UNIT_FILL[1], UNCOVERED_UNIT_FILL[2]],
                    UNCOVERED_UNIT_FILL[3] / 255,
                  ),
                  borderColor: cssColour([
                    UNCOVERED_UNIT_OUTLINE[0],
                    UNCOVERED_UNIT_OUTLINE[1],
                    UNCOVERED_UNIT_OUTLINE[2],
                  ]),
                }}
              />
              {formatCount(uncovered.unitCount)}
            </>
          }
        >
          <label className="kpi-toggle">
            <Switch checked={showUncovered} testId="show-uncovered" onChange={onShowUncovered} />
            {t('access.showUncovered')}
          </label>
        </Kpi>
      </div>
      <p className="source-note">{t('access.uncoveredHint', { name: categoryName, minutes: tier })}</p>

      <Section title={t('access.coverageTable')}>
        <ShareList data-testid="coverage-table" data-category={category}>
          {rows.map((row) => (
            <ShareRow
              key={row.id}
              data-testid="coverage-row"
              data-community-id={row.id}
              data-share={row.coveredShare ?? ''}
              data-covered-residents={row.coveredResidents}
              title={t('access.coverageRowHint')}
              onClick={() => onShowCommunity(row.id)}
              name={
                <>
                  {nameOf(row.id, row.name)}
                  {estimatedCommunities.has(row.id) && <EstimatedTag />}
                </>
              }
              share={row.coveredShare}
              low={row.coveredShare !== null && row.coveredShare < LOW_SHARE}
              figure={row.coveredShare === null ? t('access.noResidents') : formatShare(row.coveredShare)}
            />
          ))}
        </ShareList>
      </Section>
    </>
  );
}

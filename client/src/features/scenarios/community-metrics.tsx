/**
 * Every metric of the community being edited, recomputed by core's evaluator at each stroke: its
 * figures, its size against the type's band, the rules of the chosen profile, its coverage by
 * tier, and the form to change its own attributes.
 */
import { useMemo } from 'react';
import { formatCount, formatNumber, formatShare, formatSquareMeters } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  COMMUNITY_TYPES,
  FACILITY_CATEGORIES,
  isFacilityCategoryId,
  type CommunityTypeId,
} from '../../lib/standards';
import { COMMUNITY_TYPE_COLOURS, cssColour } from '../../map/colours';
import { Kpi } from '../../ui/kpi';
import { Chip } from '../../ui/chip';
import { DetailsHead } from '../../ui/details-head';
import { Section } from '../../ui/section';
import { ShareList, ShareRow } from '../../ui/share-list';
import { ValueRow } from '../../ui/value-row';
import { AttributeForm } from './attribute-form';
import { RuleRow } from './rule-row';
import type { ScenarioEditor } from './use-scenario-editor';

/** Coverage shares below this are drawn in the warning colour (the standards ask for 80 %). */
const LOW_COVERAGE_SHARE = 0.8;

export function CommunityMetrics({
  editor,
  communityId,
  revision,
}: {
  editor: ScenarioEditor;
  communityId: string;
  revision: number;
}) {
  const { t, language, localName } = useI18n();
  const session = editor.session!;
  const evaluator = session.evaluator;
  // Read afresh at every revision: the evaluator changes in place.
  const { metrics, record, rules, changed } = useMemo(() => {
    void revision;
    return {
      metrics: evaluator.metrics(communityId),
      record: evaluator.communityRecord(communityId),
      rules: evaluator.judge(communityId, editor.profile),
      changed: session.communityChanged(communityId),
    };
  }, [session, evaluator, communityId, editor.profile, revision]);
  const type = COMMUNITY_TYPES[record.type];
  const name = language === 'en' && record.nameEn ? record.nameEn : record.name;
  const failed = rules.filter((rule) => rule.status === 'fail').length;
  const coverageByTier = useMemo(() => {
    const tiers = new Map<number, { category: string; share: number | null }[]>();
    for (const [category, share] of Object.entries(metrics.coveredShareByCategory)) {
      const tier = isFacilityCategoryId(category) ? FACILITY_CATEGORIES[category].tierMinutes : null;
      if (tier === null) continue;
      tiers.set(tier, [...(tiers.get(tier) ?? []), { category, share }]);
    }
    return [...tiers].sort((a, b) => a[0] - b[0]);
  }, [metrics.coveredShareByCategory]);

  return (
    <div className="details" data-testid="community-metrics" data-community-id={communityId}>
      <DetailsHead
        kind={t('scenario.metrics.community')}
        chips={changed && <Chip pending>{t('scenario.unsaved')}</Chip>}
        name={name}
        nameTestId="metrics-name"
        type={
          <>
            <span
              className="swatch swatch-area"
              style={{ background: cssColour(COMMUNITY_TYPE_COLOURS[record.type] ?? [160, 160, 160]) }}
            />
            {type ? localName(type) : record.type}
            <span className="rule-tally" data-testid="metrics-failed" data-value={failed}>
              {failed > 0 ? t('scenario.metrics.failedCount', { n: failed }) : t('scenario.metrics.allPass')}
            </span>
          </>
        }
      />
      <div className="kpis metric-kpis">
        <Kpi
          label={t('field.residents')}
          value={formatCount(metrics.residents)}
          rawValue={metrics.residents}
          valueTestId="metric-residents"
        />
        <Kpi
          label={t('field.households')}
          value={formatCount(metrics.households)}
          rawValue={metrics.households}
          valueTestId="metric-households"
        />
        <Kpi
          label={t('scenario.metrics.elderly')}
          value={formatCount(metrics.elderly)}
          rawValue={metrics.elderly}
          valueTestId="metric-elderly"
        />
        <Kpi
          label={t('scenario.metrics.area')}
          value={formatNumber(metrics.areaSquareKilometers, 3)}
          rawValue={metrics.areaSquareKilometers}
          valueTestId="metric-area"
        />
      </div>
      <dl className="fields">
        <ValueRow label={t('field.units')} value={formatCount(metrics.unitCount)} testId="metric-units" />
        <ValueRow
          label={t('scenario.metrics.density')}
          value={formatCount(metrics.residentsPerSquareKilometer)}
          testId="metric-density"
        />
        <ValueRow
          label={t('scenario.metrics.compactness')}
          value={metrics.polsbyPopper === null ? null : formatNumber(metrics.polsbyPopper, 2)}
          testId="metric-compactness"
        />
        <ValueRow
          label={t('scenario.metrics.contiguity')}
          value={
            metrics.parts === 1
              ? t('scenario.metrics.contiguous')
              : t('scenario.metrics.parts', { n: metrics.parts })
          }
          warn={metrics.parts > 1}
          testId="metric-parts"
        />
        <ValueRow
          label={t('field.serviceFloorArea')}
          value={formatSquareMeters(metrics.serviceFloorAreaSquareMeters)}
        />
        <ValueRow
          label={t('scenario.metrics.floorPer100')}
          value={
            metrics.serviceFloorAreaPer100Households === null
              ? null
              : formatNumber(metrics.serviceFloorAreaPer100Households, 1)
          }
          testId="metric-floor-per-100"
        />
        <ValueRow label={t('field.staff')} value={formatCount(metrics.staff)} />
        <ValueRow
          label={t('scenario.metrics.staffPer10k')}
          value={metrics.staffPer10kResidents === null ? null : formatNumber(metrics.staffPer10kResidents, 1)}
          testId="metric-staff-per-10k"
        />
        <ValueRow
          label={t('scenario.metrics.residentsBand')}
          value={bandText(metrics.residentsOutsideBand, record.type, 'residents', t)}
          warn={metrics.residentsOutsideBand !== 0}
          testId="metric-residents-band"
        />
        <ValueRow
          label={t('scenario.metrics.householdsBand')}
          value={bandText(metrics.householdsOutsideBand, record.type, 'households', t)}
          warn={metrics.householdsOutsideBand !== 0}
        />
      </dl>

      <Section title={t('scenario.metrics.rules')} count={rules.length}>
        <ul className="rule-list" data-testid="rule-list">
          {rules.map((rule) => (
            <RuleRow key={rule.ruleId} rule={rule} />
          ))}
        </ul>
      </Section>

      {coverageByTier.length > 0 && (
        <Section title={t('scenario.metrics.coverage')}>
          {coverageByTier.map(([tier, rows]) => (
            <div key={tier} className="tier-block">
              <div className="tier-caption">{t('access.legend.tier', { n: tier })}</div>
              <ShareList>
                {rows.map((row) => (
                  <ShareRow
                    key={row.category}
                    data-testid="metric-coverage"
                    data-category={row.category}
                    name={
                      isFacilityCategoryId(row.category)
                        ? localName(FACILITY_CATEGORIES[row.category])
                        : row.category
                    }
                    // Whole per cents: the bar matches the figure beside it.
                    share={row.share === null ? null : Math.round(row.share * 100) / 100}
                    low={row.share !== null && row.share < LOW_COVERAGE_SHARE}
                    figure={row.share === null ? t('value.missing') : formatShare(row.share)}
                  />
                ))}
              </ShareList>
            </div>
          ))}
        </Section>
      )}

      <AttributeForm editor={editor} communityId={communityId} revision={revision} />
    </div>
  );
}

/** The community's size against its type's band, in words. */
function bandText(
  outside: number,
  type: CommunityTypeId,
  band: 'residents' | 'households',
  t: ReturnType<typeof useI18n>['t'],
): string {
  if (!COMMUNITY_TYPES[type][band]) return t('band.noRule');
  if (outside === 0) return t('band.within');
  return outside < 0
    ? t('scenario.metrics.belowBy', { n: formatNumber(-outside) })
    : t('scenario.metrics.aboveBy', { n: formatNumber(outside) });
}

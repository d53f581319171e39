/**
 * Every metric of the community being edited, recomputed by core's evaluator at each stroke: its
 * figures, the rules of the profile in force (size bands among them) with its share in region
 * and street indicators, provision beside walking reach, and the form to change its attributes.
 */
import { useMemo } from 'react';
import { formatCount, formatNumber, formatSquareMeters } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { COMMUNITY_TYPES } from '../../lib/standards';
import { COMMUNITY_TYPE_COLOURS, cssColour } from '../../map/colours';
import { Kpi } from '../../ui/kpi';
import { Chip } from '../../ui/chip';
import { DetailsHead } from '../../ui/details-head';
import { LoadingLine } from '../../ui/loading-line';
import { Section } from '../../ui/section';
import { ValueRow } from '../../ui/value-row';
import { ContributionList } from '../standards/contribution-list';
import { ProvisionReachTable } from '../standards/provision-reach-table';
import { RuleList } from '../standards/rule-list';
import { AttributeForm } from './attribute-form';
import type { ScenarioEditor } from './use-scenario-editor';

export function CommunityMetrics({
  editor,
  communityId,
  revision,
  streetName,
}: {
  editor: ScenarioEditor;
  communityId: string;
  revision: number;
  streetName: (streetId: string) => string;
}) {
  const { t, language, localName } = useI18n();
  const session = editor.session!;
  const evaluator = session.evaluator;
  const context = editor.judgeContext;
  // Read afresh at every revision: the evaluator changes in place.
  const { metrics, record, rules, contributions, changed } = useMemo(() => {
    void revision;
    return {
      metrics: evaluator.metrics(communityId, context?.reach ?? null),
      record: evaluator.communityRecord(communityId),
      rules: context ? evaluator.judge(communityId, context) : null,
      contributions: context ? evaluator.contributions(communityId, context) : [],
      changed: session.communityChanged(communityId),
    };
  }, [session, evaluator, communityId, context, revision]);
  const type = COMMUNITY_TYPES[record.type];
  const name = language === 'en' && record.nameEn ? record.nameEn : record.name;
  const failed = rules?.filter((rule) => rule.status === 'fail').length ?? 0;
  const advised = rules?.filter((rule) => rule.status === 'advice').length ?? 0;

  return (
    <div className="details" data-testid="community-metrics" data-community-id={communityId}>
      <DetailsHead
        kind={t('scenario.metrics.community')}
        chips={changed && !editor.readOnly && <Chip pending>{t('scenario.unsaved')}</Chip>}
        name={name}
        nameTestId="metrics-name"
        type={
          <>
            <span
              className="swatch swatch-area"
              style={{ background: cssColour(COMMUNITY_TYPE_COLOURS[record.type] ?? [160, 160, 160]) }}
            />
            {type ? localName(type) : record.type}
            <span
              className="rule-tally"
              data-testid="metrics-failed"
              data-value={failed}
              data-advice={advised}
            >
              {failed > 0
                ? t('scenario.metrics.failedCount', { n: failed })
                : advised > 0
                  ? t('scenario.metrics.adviceCount', { n: advised })
                  : t('scenario.metrics.allPass')}
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
      </dl>

      <Section title={t('scenario.metrics.rules')} count={rules?.length}>
        {rules ? <RuleList rules={rules} /> : <LoadingLine>{t('standards.loading')}</LoadingLine>}
        <ContributionList contributions={contributions} streetName={streetName} />
      </Section>

      {rules && context?.reach && (
        <Section title={t('scenario.metrics.coverage')}>
          <ProvisionReachTable
            rules={rules}
            facilityCountByCategory={metrics.facilityCountByCategory}
            reachShareByKey={metrics.reachShareByKey}
            tiers={context.reach.tiers}
          />
        </Section>
      )}

      {!editor.readOnly && <AttributeForm editor={editor} communityId={communityId} revision={revision} />}
    </div>
  );
}

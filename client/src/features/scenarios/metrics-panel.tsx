/**
 * The right panel on the scenarios screen: the community being edited (community-metrics.tsx) or,
 * with none chosen, the scenario as a whole — how many communities fail a rule or are advised, and
 * the region- and street-scope rules judged live. The profile is the header's 评价标准.
 */
import { useMemo } from 'react';
import type { RegionLayers } from '../../lib/api-types';
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Kpi } from '../../ui/kpi';
import { LoadingLine } from '../../ui/loading-line';
import { Panel } from '../../ui/panel';
import { Section } from '../../ui/section';
import { RegionRuleList } from '../standards/region-rules';
import { CommunityMetrics } from './community-metrics';
import { useStreetNames } from './use-community-groups';
import type { ScenarioEditor } from './use-scenario-editor';
import './metrics-panel.css';

export function MetricsPanel({ editor, data }: { editor: ScenarioEditor; data: Partial<RegionLayers> }) {
  const { t } = useI18n();
  const { session, activeId, revision } = editor;
  const streetName = useStreetNames(data);
  const evaluator = session?.evaluator ?? null;
  const community = evaluator && activeId && evaluator.hasCommunity(activeId) ? activeId : null;

  return (
    <Panel
      name="metrics-panel"
      testId="metrics-panel"
      titleId="metrics-panel-title"
      title={t('scenario.metrics.title')}
    >
      {!session ? (
        <p className="hint">{t('scenario.metrics.noScenario')}</p>
      ) : community ? (
        <CommunityMetrics
          key={community}
          editor={editor}
          communityId={community}
          revision={revision}
          streetName={streetName}
        />
      ) : (
        <ScenarioOverview editor={editor} streetName={streetName} />
      )}
    </Panel>
  );
}

/** With no community chosen: communities failing or advised, and the region's own rules. */
function ScenarioOverview({
  editor,
  streetName,
}: {
  editor: ScenarioEditor;
  streetName: (streetId: string) => string;
}) {
  const { t, language } = useI18n();
  const session = editor.session!;
  const evaluator = session.evaluator;
  const context = editor.judgeContext;
  const { ids, failing, advised, residents, region } = useMemo(() => {
    void editor.revision;
    const ids = evaluator.communityIds();
    const judged = context ? ids.map((id) => evaluator.judge(id, context)) : [];
    return {
      ids,
      failing: judged.filter((rules) => rules.some((rule) => rule.status === 'fail')).length,
      advised: judged.filter((rules) => rules.some((rule) => rule.status === 'advice')).length,
      residents: evaluator.allMetrics().reduce((sum, metrics) => sum + metrics.residents, 0),
      region: context ? evaluator.judgeRegion(context).results : null,
    };
  }, [evaluator, context, editor.revision]);
  return (
    <>
      <p className="hint">{t('scenario.metrics.pick')}</p>
      <div className="kpis">
        <Kpi label={t('summary.communities')} value={formatCount(ids.length)} />
        <Kpi
          label={t('scenario.metrics.failingCommunities')}
          value={context ? formatCount(failing) : null}
          alert={failing > 0}
          valueTestId="overview-failing"
        />
        <Kpi
          label={t('scenario.metrics.advisedCommunities')}
          value={context ? formatCount(advised) : null}
          valueTestId="overview-advised"
        />
        <Kpi label={t('summary.residents')} value={formatCount(residents)} />
      </div>
      <Section title={t('scenario.metrics.regionRules')}>
        {region ? (
          <RegionRuleList
            results={region}
            streetName={streetName}
            communityName={(id) => (evaluator.hasCommunity(id) ? session.communityName(id, language) : id)}
          />
        ) : (
          <LoadingLine>{t('standards.loading')}</LoadingLine>
        )}
      </Section>
    </>
  );
}

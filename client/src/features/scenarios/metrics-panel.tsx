/**
 * The right panel on the scenarios screen: the standards profile the rules are judged by, and the
 * community being edited (community-metrics.tsx) or, with none chosen, how many communities fail.
 */
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Kpi } from '../../ui/kpi';
import { LabelledField } from '../../ui/labelled-field';
import { Panel } from '../../ui/panel';
import { CommunityMetrics } from './community-metrics';
import { STANDARDS_PROFILES, STANDARDS_PROFILE_IDS, isStandardsProfileId } from './scenario-core';
import type { ScenarioEditor } from './use-scenario-editor';
import './metrics-panel.css';

export function MetricsPanel({ editor }: { editor: ScenarioEditor }) {
  const { t, localName } = useI18n();
  const { session, activeId, profile, revision } = editor;
  const evaluator = session?.evaluator ?? null;
  const community = evaluator && activeId && evaluator.hasCommunity(activeId) ? activeId : null;

  return (
    <Panel
      name="metrics-panel"
      testId="metrics-panel"
      titleId="metrics-panel-title"
      title={t('scenario.metrics.title')}
    >
      <LabelledField className="profile-field" label={t('scenario.profile')} htmlFor="standards-profile">
        <select
          id="standards-profile"
          className="select-input"
          value={profile}
          data-testid="profile-picker"
          onChange={(event) => {
            if (isStandardsProfileId(event.target.value)) editor.setProfile(event.target.value);
          }}
        >
          {STANDARDS_PROFILE_IDS.map((id) => (
            <option key={id} value={id}>
              {localName(STANDARDS_PROFILES[id])} · {STANDARDS_PROFILES[id].source}
            </option>
          ))}
        </select>
      </LabelledField>
      {!session ? (
        <p className="hint">{t('scenario.metrics.noScenario')}</p>
      ) : community ? (
        <CommunityMetrics key={community} editor={editor} communityId={community} revision={revision} />
      ) : (
        <ScenarioOverview editor={editor} />
      )}
    </Panel>
  );
}

/** With no community chosen: how many communities fail a rule, and a prompt. */
function ScenarioOverview({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const evaluator = editor.session!.evaluator;
  const ids = evaluator.communityIds();
  const failing = ids.filter((id) =>
    evaluator.judge(id, editor.profile).some((rule) => rule.status === 'fail'),
  ).length;
  const residents = evaluator.allMetrics().reduce((sum, metrics) => sum + metrics.residents, 0);
  return (
    <>
      <p className="hint">{t('scenario.metrics.pick')}</p>
      <div className="kpis">
        <Kpi label={t('summary.communities')} value={formatCount(ids.length)} />
        <Kpi
          label={t('scenario.metrics.failingCommunities')}
          value={formatCount(failing)}
          alert={failing > 0}
        />
        <Kpi label={t('summary.residents')} value={formatCount(residents)} />
      </div>
    </>
  );
}

/**
 * The open scenario: back to the list (asking first when edits are pending), its title with copy,
 * rename and delete, and — once its state is read — the edit or comparison view and the exports.
 */
import { useState } from 'react';
import type { RegionLayers, ScenarioSummary } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { Chip } from '../../ui/chip';
import { ConfirmBox } from '../../ui/confirm-box';
import { LoadingLine } from '../../ui/loading-line';
import { SegmentedControl } from '../../ui/segmented-control';
import { LiveSaveNotice } from '../live/live-save-notice';
import { PresenceStrip } from '../live/presence-strip';
import { ComparePanel } from './compare-panel';
import { DraftNotice } from './draft-notice';
import { EditSection } from './edit-section';
import { CardActionButtons, CardActionForms, useCardActions } from './scenario-card-actions';
import { ScenarioExports } from './scenario-exports';
import { ReviewBar } from './review-bar';
import { ToolIcon } from './tool-icon';
import { CommunityList } from './community-list';
import { MessageBox } from './message-box';
import { useCommunityGroups } from './use-community-groups';
import { VersionBanner, VersionHistory } from './version-history';
import type { ScenarioMode } from './use-scenario-compare';
import type { ScenarioEditor } from './use-scenario-editor';

export function OpenScenario({ editor, data }: { editor: ScenarioEditor; data: Partial<RegionLayers> }) {
  const { t } = useI18n();
  const scenario = editor.openSummary;
  const session = editor.session;
  const pending = editor.pendingCount;
  const [confirmClose, setConfirmClose] = useState(false);
  return (
    <>
      <div
        className="open-scenario"
        data-testid="open-scenario"
        data-scenario-id={scenario?.id}
        data-version={session?.saved.version}
      >
        <div className="open-scenario-top">
          <Button
            variant="link"
            className="back-link"
            onClick={() => (pending > 0 ? setConfirmClose(true) : editor.close())}
            testId="scenario-close"
          >
            <ToolIcon name="back" /> {t('scenario.backToList')}
          </Button>
        </div>
        {scenario && <OpenScenarioTitle editor={editor} scenario={scenario} pending={pending} />}
        {confirmClose && (
          <ConfirmBox
            message={t('scenario.closeConfirm', { n: pending })}
            confirmLabel={t('scenario.discardAndClose')}
            cancelLabel={t('scenario.cancel')}
            onConfirm={() => {
              setConfirmClose(false);
              editor.close();
            }}
            onCancel={() => setConfirmClose(false)}
          />
        )}
      </div>
      {!session ? (
        <LoadingLine>{t('scenario.loading')}</LoadingLine>
      ) : (
        <>
          <DraftNotice editor={editor} />
          {editor.readOnly ? (
            <ViewedVersion editor={editor} data={data} />
          ) : (
            <>
              <SegmentedControl<ScenarioMode>
                className="scenario-mode"
                testId="scenario-mode"
                label={t('scenario.mode')}
                value={editor.mode}
                options={[
                  { value: 'edit', label: t('scenario.mode.edit') },
                  { value: 'compare', label: t('scenario.mode.compare') },
                ]}
                onChange={editor.setMode}
                wide
              />
              {editor.mode === 'edit' ? (
                <EditSection editor={editor} data={data} />
              ) : (
                <ComparePanel editor={editor} data={data} />
              )}
              <ScenarioExports editor={editor} />
            </>
          )}
          <VersionHistory editor={editor} />
        </>
      )}
    </>
  );
}

/** A saved version on view: which one and the way back, then its communities with their figures. */
function ViewedVersion({ editor, data }: { editor: ScenarioEditor; data: Partial<RegionLayers> }) {
  const { groups, streetName } = useCommunityGroups(editor, data);
  return (
    <>
      <VersionBanner editor={editor} />
      <MessageBox editor={editor} />
      {editor.history.viewed && <CommunityList editor={editor} groups={groups} streetName={streetName} />}
    </>
  );
}

function OpenScenarioTitle({
  editor,
  scenario,
  pending,
}: {
  editor: ScenarioEditor;
  scenario: ScenarioSummary;
  pending: number;
}) {
  const { t } = useI18n();
  const actions = useCardActions(editor, scenario);
  const version = editor.session?.saved.version ?? scenario.version;
  return (
    <>
      <div className="open-scenario-title">
        <div className="open-scenario-text">
          <h3 className="details-name" data-testid="open-scenario-name">
            {scenario.name}
          </h3>
          <span className="scenario-meta">
            <span data-testid="scenario-version" data-version={version}>
              {t('scenario.version', { n: version })}
            </span>
            {pending > 0 && (
              <Chip pending testId="pending-count" data-count={pending}>
                {t('scenario.pendingCount', { n: pending })}
              </Chip>
            )}
          </span>
        </div>
        <CardActionButtons editor={editor} scenario={scenario} actions={actions} />
      </div>
      <PresenceStrip scenarioId={scenario.id} />
      <LiveSaveNotice scenarioId={scenario.id} heldVersion={version} />
      <CardActionForms actions={actions} scenario={scenario} />
      <ReviewBar scenario={scenario} version={version} pending={pending} />
    </>
  );
}

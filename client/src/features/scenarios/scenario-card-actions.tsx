/**
 * Copy, rename and delete of a scenario, shared by the list's cards and the open scenario's title:
 * the icon buttons, and the inline rename form or delete confirmation they open.
 */
import { useState } from 'react';
import type { ScenarioSummary } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { ConfirmBox } from '../../ui/confirm-box';
import { IconButton } from '../../ui/icon-button';
import { ToolIcon } from './tool-icon';
import type { ScenarioEditor } from './use-scenario-editor';

export interface CardActions {
  mode: 'idle' | 'rename' | 'delete';
  name: string;
  setName: (name: string) => void;
  startRename: () => void;
  startDelete: () => void;
  cancel: () => void;
  confirmRename: () => void;
  confirmDelete: () => void;
}

export function useCardActions(editor: ScenarioEditor, scenario: ScenarioSummary): CardActions {
  const [mode, setMode] = useState<CardActions['mode']>('idle');
  const [name, setName] = useState(scenario.name);
  return {
    mode,
    name,
    setName,
    startRename: () => {
      setName(scenario.name);
      setMode('rename');
    },
    startDelete: () => setMode('delete'),
    cancel: () => setMode('idle'),
    confirmRename: () => {
      const trimmed = name.trim();
      if (trimmed && trimmed !== scenario.name) editor.rename(scenario, trimmed);
      setMode('idle');
    },
    confirmDelete: () => {
      editor.remove(scenario);
      setMode('idle');
    },
  };
}

/** The three icon buttons; `testIds` on the list's cards, where tests find them. */
export function CardActionButtons({
  editor,
  scenario,
  actions,
  testIds,
}: {
  editor: ScenarioEditor;
  scenario: ScenarioSummary;
  actions: CardActions;
  testIds?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="scenario-card-actions">
      <IconButton
        label={t('scenario.duplicate')}
        onClick={() => editor.duplicate(scenario, t('scenario.copyName', { name: scenario.name }))}
        testId={testIds ? 'scenario-duplicate' : undefined}
      >
        <ToolIcon name="copy" />
      </IconButton>
      <IconButton
        label={t('scenario.rename')}
        onClick={actions.startRename}
        testId={testIds ? 'scenario-rename' : undefined}
      >
        <ToolIcon name="rename" />
      </IconButton>
      <IconButton
        label={t('scenario.delete')}
        onClick={actions.startDelete}
        testId={testIds ? 'scenario-delete' : undefined}
      >
        <ToolIcon name="delete" />
      </IconButton>
    </div>
  );
}

/** The rename form or the delete confirmation, whichever a button opened. */
export function CardActionForms({ actions, scenario }: { actions: CardActions; scenario: ScenarioSummary }) {
  const { t } = useI18n();
  if (actions.mode === 'rename') {
    return (
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          actions.confirmRename();
        }}
      >
        <input
          className="text-input"
          value={actions.name}
          maxLength={100}
          aria-label={t('scenario.name')}
          autoFocus
          data-testid="scenario-rename-input"
          onChange={(event) => actions.setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') actions.cancel();
          }}
        />
        <Button variant="primary" type="submit" testId="scenario-rename-confirm">
          {t('scenario.ok')}
        </Button>
        <Button variant="quiet" onClick={actions.cancel}>
          {t('scenario.cancel')}
        </Button>
      </form>
    );
  }
  if (actions.mode === 'delete') {
    return (
      <ConfirmBox
        label={t('scenario.delete')}
        message={t('scenario.deleteConfirm', { name: scenario.name })}
        confirmLabel={t('scenario.delete')}
        cancelLabel={t('scenario.cancel')}
        onConfirm={actions.confirmDelete}
        onCancel={actions.cancel}
        confirmTestId="scenario-delete-confirm"
      />
    );
  }
  return null;
}

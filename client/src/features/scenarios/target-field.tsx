/**
 * What the chosen tool works on: the new community's name and type (create), or the target
 * community with the split part's name (split) or the community to merge into it (merge).
 */
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { COMMUNITY_TYPE_COLOURS, cssColour } from '../../map/colours';
import { Button } from '../../ui/button';
import { FormRow } from '../../ui/form-row';
import { LabelledField } from '../../ui/labelled-field';
import { CommunityTypeSelect } from './community-type-select';
import type { CommunityGroup } from './community-groups';
import type { ScenarioEditor } from './use-scenario-editor';

export function TargetField({
  editor,
  groups,
  streetName,
}: {
  editor: ScenarioEditor;
  groups: CommunityGroup[];
  streetName: (streetId: string) => string;
}) {
  const { t } = useI18n();
  const evaluator = editor.session!.evaluator;
  const active = editor.activeId && evaluator.hasCommunity(editor.activeId) ? editor.activeId : null;
  const activeRecord = active ? evaluator.communityRecord(active) : null;

  if (editor.tool === 'create') {
    return (
      <div className="tool-options">
        <FormRow label={t('scenario.newCommunityName')}>
          <input
            className="text-input"
            value={editor.newCommunity.name}
            maxLength={100}
            data-testid="new-community-name"
            onChange={(event) => editor.setNewCommunity({ ...editor.newCommunity, name: event.target.value })}
          />
        </FormRow>
        <FormRow label={t('field.type')}>
          <CommunityTypeSelect
            value={editor.newCommunity.type}
            onChange={(type) => editor.setNewCommunity({ ...editor.newCommunity, type })}
          />
        </FormRow>
      </div>
    );
  }
  return (
    <LabelledField
      className="target-field"
      label={t(editor.tool === 'merge' ? 'scenario.mergeInto' : 'scenario.target')}
      htmlFor="active-community"
    >
      <div className="target-row">
        <span
          className="swatch swatch-area"
          style={{
            background: activeRecord ? cssColour(COMMUNITY_TYPE_COLOURS[activeRecord.type]) : 'transparent',
          }}
        />
        <select
          id="active-community"
          className="select-input"
          value={active ?? ''}
          data-testid="active-community"
          onChange={(event) => editor.setActiveId(event.target.value || null)}
        >
          <option value="">{t('scenario.pickCommunity')}</option>
          {groups.map((group) => (
            <optgroup key={group.streetId} label={streetName(group.streetId)}>
              {group.rows.map((row) => (
                <option key={row.id} value={row.id}>
                  {row.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {editor.tool === 'split' && (
        <FormRow label={t('scenario.splitName')}>
          <input
            className="text-input"
            value={editor.splitName}
            placeholder={activeRecord ? `${activeRecord.name}（二）` : ''}
            maxLength={100}
            onChange={(event) => editor.setSplitName(event.target.value)}
          />
        </FormRow>
      )}
      {editor.tool === 'merge' && active && activeRecord && (
        <MergePicker editor={editor} groups={groups} streetId={activeRecord.streetId} />
      )}
    </LabelledField>
  );
}

/** Another community of the same street to merge into the target. */
function MergePicker({
  editor,
  groups,
  streetId,
}: {
  editor: ScenarioEditor;
  groups: CommunityGroup[];
  streetId: string;
}) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  const candidates = (groups.find((group) => group.streetId === streetId)?.rows ?? []).filter(
    (row) => row.id !== editor.activeId,
  );
  return (
    <div className="merge-row">
      <select
        className="select-input"
        value={other}
        onChange={(event) => setOther(event.target.value)}
        aria-label={t('scenario.mergeWith')}
        data-testid="merge-with"
      >
        <option value="">{t('scenario.mergeWith')}</option>
        {candidates.map((row) => (
          <option key={row.id} value={row.id}>
            {row.name}
          </option>
        ))}
      </select>
      <Button
        variant="primary"
        disabled={!other}
        onClick={() => {
          editor.mergeWith(other);
          setOther('');
        }}
        testId="merge-apply"
      >
        {t('scenario.merge')}
      </Button>
    </div>
  );
}

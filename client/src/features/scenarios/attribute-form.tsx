/**
 * Name, type and every surveyed figure of the community (SURVEYED_FIELDS), applied as one `update`
 * edit; an emptied field clears the figure (its rules become undetermined, never passed).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../lib/i18n';
import type { CommunityTypeId } from '../../lib/standards';
import { Button } from '../../ui/button';
import { FormRow } from '../../ui/form-row';
import { NumberInput } from '../../ui/number-input';
import {
  SURVEYED_FIELDS,
  fieldLabelKey,
  fieldText,
  parseFieldText,
  type SurveyedField,
  type SurveyedValue,
} from '../standards/surveyed-fields';
import { CommunityTypeSelect } from './community-type-select';
import type { ScenarioEditor } from './use-scenario-editor';

type FieldTexts = Record<string, string>;

export function AttributeForm({
  editor,
  communityId,
  revision,
}: {
  editor: ScenarioEditor;
  communityId: string;
  revision: number;
}) {
  const { t } = useI18n();
  const record = useMemo(() => {
    void revision;
    return editor.session!.evaluator.communityRecord(communityId);
  }, [editor.session, communityId, revision]);
  const recordTexts = useMemo(
    () =>
      Object.fromEntries(
        SURVEYED_FIELDS.map((field) => [field.name, fieldText(field, record[field.name] as SurveyedValue)]),
      ) as FieldTexts,
    [record],
  );
  const [name, setName] = useState(record.name);
  const [type, setType] = useState<CommunityTypeId>(record.type);
  const [texts, setTexts] = useState<FieldTexts>(recordTexts);
  useEffect(() => {
    setName(record.name);
    setType(record.type);
    setTexts(recordTexts);
  }, [record, recordTexts]);

  const parsed = SURVEYED_FIELDS.map((field) => ({
    field,
    value: parseFieldText(field, texts[field.name] ?? ''),
  }));
  const invalid = parsed.filter(({ value }) => value === 'invalid').map(({ field }) => field.name);
  const changes: Record<string, unknown> = {
    ...(name.trim() !== record.name ? { name: name.trim() } : {}),
    ...(type !== record.type ? { type } : {}),
  };
  for (const { field, value } of parsed) {
    if (value !== 'invalid' && (texts[field.name] ?? '') !== recordTexts[field.name])
      changes[field.name] = value;
  }
  const canApply = Object.keys(changes).length > 0 && name.trim() !== '' && invalid.length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canApply) editor.update(changes);
  };
  const setText = (field: string, text: string) => setTexts((previous) => ({ ...previous, [field]: text }));
  return (
    <details className="details-section attribute-form">
      <summary className="section-title">{t('scenario.attributes.title')}</summary>
      <form onSubmit={submit} data-testid="attribute-form">
        <FormRow label={t('field.name')}>
          <input
            className="text-input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
          />
        </FormRow>
        <FormRow label={t('field.type')}>
          <CommunityTypeSelect value={type} onChange={setType} />
        </FormRow>
        {SURVEYED_FIELDS.map((field) => (
          <FormRow key={field.name} label={t(fieldLabelKey(field.name))}>
            <FieldInput
              field={field}
              text={texts[field.name] ?? ''}
              onText={(text) => setText(field.name, text)}
              invalid={invalid.includes(field.name)}
            />
          </FormRow>
        ))}
        {invalid.length > 0 && <p className="field-error">{t('surveyed.invalid')}</p>}
        <Button variant="primary" type="submit" disabled={!canApply} testId="attribute-apply">
          {t('scenario.attributes.apply')}
        </Button>
      </form>
    </details>
  );
}

function FieldInput({
  field,
  text,
  onText,
  invalid,
}: {
  field: SurveyedField;
  text: string;
  onText: (text: string) => void;
  invalid: boolean;
}) {
  const { t } = useI18n();
  const testId = `field-${field.name}`;
  if (field.kind === 'choice' || field.kind === 'yes-no') {
    const options = field.kind === 'choice' ? field.options : ['yes', 'no'];
    return (
      <select
        className="text-input"
        value={text}
        onChange={(event) => onText(event.target.value)}
        data-testid={testId}
      >
        <option value="">{t('surveyed.unknown')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {field.kind === 'choice'
              ? t(field.optionKey(option))
              : t(option === 'yes' ? 'surveyed.yes' : 'surveyed.no')}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'text')
    return (
      <input
        className="text-input"
        value={text}
        maxLength={100}
        onChange={(event) => onText(event.target.value)}
        data-testid={testId}
      />
    );
  return (
    <NumberInput
      className="text-input"
      integer={field.kind === 'count'}
      text={text}
      onText={onText}
      invalid={invalid}
      testId={testId}
      placeholder={field.kind === 'share' ? t('surveyed.percentHint') : undefined}
    />
  );
}

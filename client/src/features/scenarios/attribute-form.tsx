/** Name, type, service floor area and staff of the community, applied as one `update` edit. */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../lib/i18n';
import type { CommunityTypeId } from '../../lib/standards';
import { Button } from '../../ui/button';
import { FormRow } from '../../ui/form-row';
import { NumberInput } from '../../ui/number-input';
import { CommunityTypeSelect } from './community-type-select';
import type { ScenarioEditor } from './use-scenario-editor';

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
  const [name, setName] = useState(record.name);
  const [type, setType] = useState<CommunityTypeId>(record.type);
  const [floor, setFloor] = useState(record.serviceFloorAreaSquareMeters?.toString() ?? '');
  const [staff, setStaff] = useState(record.staff?.toString() ?? '');
  useEffect(() => {
    setName(record.name);
    setType(record.type);
    setFloor(record.serviceFloorAreaSquareMeters?.toString() ?? '');
    setStaff(record.staff?.toString() ?? '');
  }, [record]);
  const floorValue = floor.trim() === '' ? null : Number(floor);
  const staffValue = staff.trim() === '' ? null : Number(staff);
  const floorBad = floorValue !== null && !(Number.isFinite(floorValue) && floorValue >= 0);
  const staffBad = staffValue !== null && !(Number.isInteger(staffValue) && staffValue >= 0);
  const changes = {
    ...(name.trim() !== record.name ? { name: name.trim() } : {}),
    ...(type !== record.type ? { type } : {}),
    ...(floorValue !== record.serviceFloorAreaSquareMeters
      ? { serviceFloorAreaSquareMeters: floorValue }
      : {}),
    ...(staffValue !== record.staff ? { staff: staffValue } : {}),
  };
  const canApply = Object.keys(changes).length > 0 && name.trim() !== '' && !floorBad && !staffBad;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canApply) editor.update(changes);
  };
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
        <FormRow label={t('field.serviceFloorArea')}>
          <NumberInput className="text-input" text={floor} onText={setFloor} invalid={floorBad} />
        </FormRow>
        <FormRow label={t('field.staff')}>
          <NumberInput className="text-input" integer text={staff} onText={setStaff} invalid={staffBad} />
        </FormRow>
        {(floorBad || staffBad) && <p className="field-error">{t('scenario.attributes.invalid')}</p>}
        <Button variant="primary" type="submit" disabled={!canApply} testId="attribute-apply">
          {t('scenario.attributes.apply')}
        </Button>
      </form>
    </details>
  );
}

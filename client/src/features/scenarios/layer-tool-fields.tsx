/**
 * The options of the facility and path tools under the tool grid: the facility the place tool puts
 * down next (category with its Chinese name, name, floor area, capacity), the picked facility's
 * attributes with Apply and Remove, and the name of the next path.
 */
import { useState } from 'react';
import type { FacilityChanges } from '../../../../core/scenario/scenario-edit-schema';
import { useI18n } from '../../lib/i18n';
import { isFacilityCategoryId, type FacilityCategoryId } from '../../lib/standards';
import { Button } from '../../ui/button';
import { CategorySelect } from '../../ui/category-select';
import { Chip } from '../../ui/chip';
import { FormRow } from '../../ui/form-row';
import type { FacilityRecord } from './scenario-layer-state';
import { optionalAmount, type FacilityDraft } from './use-layer-edit-tools';
import type { ScenarioEditor } from './use-scenario-editor';
import './layer-tool-fields.css';

export function LayerToolFields({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  switch (editor.tool) {
    case 'place-facility':
      return (
        <div className="tool-options" data-testid="facility-draft">
          <FacilityFields
            form={editor.facilityDraft}
            onChange={editor.setFacilityDraft}
            testIdPrefix="facility"
            namePlaceholder={t('scenario.facility.namePlaceholder')}
          />
        </div>
      );
    case 'edit-facility': {
      const id = editor.selectedFacilityId;
      const facility = id ? (editor.session?.facility(id) ?? null) : null;
      return facility ? (
        <FacilityEditForm key={facility.id} editor={editor} facility={facility} />
      ) : (
        <p className="hint">{t('scenario.facility.pick')}</p>
      );
    }
    case 'draw-path':
      return (
        <div className="tool-options">
          <FormRow label={t('scenario.path.name')}>
            <input
              className="text-input"
              value={editor.pathName}
              maxLength={100}
              data-testid="path-name"
              onChange={(event) => editor.setPathName(event.target.value)}
            />
          </FormRow>
        </div>
      );
    default:
      return null;
  }
}

/** A facility's category, name, floor area and capacity as a form edits them (typed text). */
export type FacilityForm = FacilityDraft;

function FacilityFields({
  form,
  onChange,
  testIdPrefix,
  namePlaceholder,
}: {
  form: FacilityForm;
  onChange: (form: FacilityForm) => void;
  testIdPrefix: string;
  namePlaceholder?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <FormRow label={t('scenario.facility.category')}>
        <CategorySelect
          value={form.category}
          testId={`${testIdPrefix}-category`}
          onChange={(category) => onChange({ ...form, category })}
        />
      </FormRow>
      <FormRow label={t('scenario.facility.name')}>
        <input
          className="text-input"
          value={form.name}
          maxLength={100}
          placeholder={namePlaceholder}
          data-testid={`${testIdPrefix}-name`}
          onChange={(event) => onChange({ ...form, name: event.target.value })}
        />
      </FormRow>
      <div className="facility-figures">
        <FormRow label={t('scenario.facility.floorArea')}>
          <input
            className="text-input"
            inputMode="decimal"
            value={form.floorAreaText}
            data-testid={`${testIdPrefix}-floor-area`}
            onChange={(event) => onChange({ ...form, floorAreaText: event.target.value })}
          />
        </FormRow>
        <FormRow label={t('scenario.facility.capacity')}>
          <input
            className="text-input"
            inputMode="numeric"
            value={form.capacityText}
            data-testid={`${testIdPrefix}-capacity`}
            onChange={(event) => onChange({ ...form, capacityText: event.target.value })}
          />
        </FormRow>
      </div>
    </>
  );
}

/** The changes between a facility and the form's values (only the fields that differ). */
export function facilityChanges(facility: FacilityRecord, form: FacilityForm): FacilityChanges {
  const changes: FacilityChanges = {};
  const name = form.name.trim();
  if (name && name !== facility.name) changes.name = name;
  if (form.category !== facility.category) changes.category = form.category;
  const floorArea = optionalAmount(form.floorAreaText);
  if (floorArea !== facility.floorAreaSquareMeters) changes.floorAreaSquareMeters = floorArea;
  const capacity = optionalAmount(form.capacityText);
  const places = capacity === null ? null : Math.round(capacity);
  if (places !== facility.capacity) changes.capacity = places;
  return changes;
}

function FacilityEditForm({ editor, facility }: { editor: ScenarioEditor; facility: FacilityRecord }) {
  const { t } = useI18n();
  const [form, setForm] = useState<FacilityForm>(() => ({
    name: facility.name,
    category: (isFacilityCategoryId(facility.category)
      ? facility.category
      : 'kindergarten') as FacilityCategoryId,
    floorAreaText: facility.floorAreaSquareMeters === null ? '' : String(facility.floorAreaSquareMeters),
    capacityText: facility.capacity === null ? '' : String(facility.capacity),
  }));
  const changes = facilityChanges(facility, form);
  const kind = editor.session?.layerContext.regionFacilities.has(facility.id) ? null : 'added';
  return (
    <div className="tool-options facility-edit" data-testid="facility-edit" data-facility-id={facility.id}>
      <div className="facility-edit-head">
        <strong>{facility.name}</strong>
        {kind && <Chip>{t('scenario.facility.change.added')}</Chip>}
      </div>
      <FacilityFields form={form} onChange={setForm} testIdPrefix="facility-edit" />
      <div className="button-row">
        <Button
          variant="primary"
          disabled={Object.keys(changes).length === 0}
          onClick={() => editor.updateSelectedFacility(changes)}
          testId="facility-apply"
        >
          {t('scenario.facility.apply')}
        </Button>
        <Button variant="quiet" onClick={editor.removeSelectedFacility} testId="facility-remove">
          {t('scenario.facility.remove')}
        </Button>
      </div>
    </div>
  );
}

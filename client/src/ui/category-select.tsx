/**
 * The facility-category picker (设施类别): one option per category of the standards, by its name in
 * the interface language. Used wherever a form asks which kind of facility (siting, service areas,
 * the scenario's facility tool).
 */
import { useI18n } from '../lib/i18n';
import {
  FACILITY_CATEGORIES,
  FACILITY_CATEGORY_IDS,
  isFacilityCategoryId,
  type FacilityCategoryId,
} from '../lib/standards';

export function CategorySelect({
  value,
  onChange,
  testId,
}: {
  value: FacilityCategoryId;
  onChange: (category: FacilityCategoryId) => void;
  testId: string;
}) {
  const { localName } = useI18n();
  return (
    <select
      className="select-input"
      value={value}
      data-testid={testId}
      onChange={(event) => {
        if (isFacilityCategoryId(event.target.value)) onChange(event.target.value);
      }}
    >
      {FACILITY_CATEGORY_IDS.map((id) => (
        <option key={id} value={id}>
          {localName(FACILITY_CATEGORIES[id])}
        </option>
      ))}
    </select>
  );
}

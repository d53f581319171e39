/**
 * The community-type picker of the scenarios screen (new community, attribute form): every type of
 * core/standards by its local name, handing back only a known type id.
 */
import { useI18n } from '../../lib/i18n';
import {
  COMMUNITY_TYPES,
  COMMUNITY_TYPE_IDS,
  isCommunityTypeId,
  type CommunityTypeId,
} from '../../lib/standards';

export function CommunityTypeSelect({
  value,
  onChange,
}: {
  value: CommunityTypeId;
  onChange: (type: CommunityTypeId) => void;
}) {
  const { localName } = useI18n();
  return (
    <select
      className="select-input"
      value={value}
      onChange={(event) => {
        if (isCommunityTypeId(event.target.value)) onChange(event.target.value);
      }}
    >
      {COMMUNITY_TYPE_IDS.map((id) => (
        <option key={id} value={id}>
          {localName(COMMUNITY_TYPES[id])}
        </option>
      ))}
    </select>
  );
}

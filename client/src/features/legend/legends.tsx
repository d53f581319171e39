/**
 * Map legends, one per analytic layer, with Chinese (or English) names from core/standards.
 */
import { useMemo } from 'react';
import type { CommunityFeature, FacilityFeature, NetworkClass } from '../../lib/api-types';
import { formatCount } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import {
  COMMUNITY_TYPES,
  COMMUNITY_TYPE_IDS,
  FACILITY_CATEGORIES,
  FACILITY_CATEGORY_IDS,
  type FacilityCategoryId,
} from '../../lib/standards';
import {
  COMMUNITY_FILL_ALPHA,
  COMMUNITY_TYPE_COLOURS,
  DENSITY_BREAKS_RESIDENTS_PER_HECTARE,
  DENSITY_COLOURS,
  FACILITY_CATEGORY_COLOURS,
  NETWORK_CLASS_COLOURS,
  POPULATION_DOT,
  cssColour,
} from '../../map/colours';
import type { DotScale } from '../../map/map-rows';
import './legends.css';

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function CommunityTypeLegend({ communities }: { communities: readonly CommunityFeature[] }) {
  const { t, localName } = useI18n();
  const counts = useMemo(() => countBy(communities, (feature) => feature.properties.type), [communities]);
  const present = COMMUNITY_TYPE_IDS.filter((id) => counts.has(id));
  return (
    <div className="legend" aria-label={t('legend.communityTypes')}>
      <ul className="legend-list">
        {present.map((id) => (
          <li key={id} className="legend-item">
            <span
              className="swatch swatch-area"
              style={{
                background: cssColour(COMMUNITY_TYPE_COLOURS[id], COMMUNITY_FILL_ALPHA / 255 + 0.25),
                borderColor: cssColour(COMMUNITY_TYPE_COLOURS[id]),
              }}
            />
            <span className="legend-label">{localName(COMMUNITY_TYPES[id])}</span>
            <span className="legend-count">{formatCount(counts.get(id))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FacilityCategoryLegend(props: {
  facilities: readonly FacilityFeature[];
  hiddenCategories: ReadonlySet<string>;
  onToggleCategory: (category: FacilityCategoryId) => void;
  onShowAll: () => void;
}) {
  const { facilities, hiddenCategories, onToggleCategory, onShowAll } = props;
  const { t, localName } = useI18n();
  const counts = useMemo(() => countBy(facilities, (feature) => feature.properties.category), [facilities]);
  const present = FACILITY_CATEGORY_IDS.filter((id) => counts.has(id));
  return (
    <div className="legend" aria-label={t('legend.facilityCategories')}>
      <ul className="legend-list">
        {present.map((id) => {
          const hidden = hiddenCategories.has(id);
          return (
            <li key={id}>
              <button
                type="button"
                className={`legend-item legend-toggle${hidden ? ' is-off' : ''}`}
                aria-pressed={!hidden}
                title={t('legend.toggleCategory')}
                onClick={() => onToggleCategory(id)}
              >
                <span
                  className="swatch swatch-point"
                  style={{ background: cssColour(FACILITY_CATEGORY_COLOURS[id]) }}
                />
                <span className="legend-label">{localName(FACILITY_CATEGORIES[id])}</span>
                <span className="legend-count">{formatCount(counts.get(id))}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {hiddenCategories.size > 0 && (
        <button type="button" className="link-button" onClick={onShowAll}>
          {t('legend.showAll')}
        </button>
      )}
    </div>
  );
}

export function DensityLegend() {
  const { t } = useI18n();
  const breaks = DENSITY_BREAKS_RESIDENTS_PER_HECTARE;
  const labels = DENSITY_COLOURS.map((_, index) => {
    if (index === 0) return `< ${formatCount(breaks[0])}`;
    if (index === breaks.length) return `≥ ${formatCount(breaks[breaks.length - 1])}`;
    return `${formatCount(breaks[index - 1])}–${formatCount(breaks[index])}`;
  });
  return (
    <div className="legend" aria-label={t('legend.density')}>
      <div className="legend-caption">{t('legend.density')}</div>
      <div className="ramp">
        {DENSITY_COLOURS.map((colour, index) => (
          <div key={index} className="ramp-step">
            <span className="ramp-colour" style={{ background: cssColour(colour) }} />
            <span className="ramp-label">{labels[index]}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

export function DotsLegend({ dotScale }: { dotScale: DotScale }) {
  const { t } = useI18n();
  return (
    <div className="legend" aria-label={t('legend.dots')}>
      <div className="legend-caption">{t('legend.dots')}</div>
      <div className="dot-scale">
        {dotScale.legendResidents.map((residents) => {
          const diameter = Math.max(3, 2 * Math.sqrt(residents) * dotScale.pixelsPerSqrtResident);
          return (
            <div key={residents} className="dot-step">
              <span
                className="dot-sample"
                style={{
                  width: diameter,
                  height: diameter,
                  background: cssColour(
                    [POPULATION_DOT[0], POPULATION_DOT[1], POPULATION_DOT[2]],
                    POPULATION_DOT[3] / 255,
                  ),
                }}
              />
              <span className="ramp-label">{formatCount(residents)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

const NETWORK_CLASSES: NetworkClass[] = ['arterial', 'street', 'alley', 'footway', 'steps', 'track'];

export function NetworkLegend({ presentClasses }: { presentClasses: ReadonlySet<NetworkClass> }) {
  const { t } = useI18n();
  return (
    <div className="legend" aria-label={t('legend.networkClasses')}>
      <ul className="legend-list">
        {NETWORK_CLASSES.filter((networkClass) => presentClasses.has(networkClass)).map((networkClass) => (
          <li key={networkClass} className="legend-item">
            <span
              className="swatch swatch-line"
              style={{ background: cssColour(NETWORK_CLASS_COLOURS[networkClass]) }}
            />
            <span className="legend-label">{t(`network.${networkClass}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

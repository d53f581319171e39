/**
 * The heat map's legend: travel-time classes (the category's tier underlined) or 0…N categories
 * reached, and the swatch of cells left blank.
 */
import type { HeatmapGrid } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { FACILITY_CATEGORIES } from '../../lib/standards';
import { HEATMAP_ALPHA, cssColour, type Rgb } from '../../map/colours';
import { completenessColours, gridCategories, travelTimeSteps } from '../../map/heatmap-image';
import { Spinner } from '../../ui/spinner';
import type { HeatmapSubject } from './use-accessibility';

export function HeatmapLegend({
  subject,
  grid,
  pending,
  tierMinutes,
}: {
  subject: HeatmapSubject;
  grid: HeatmapGrid | null;
  pending: boolean;
  tierMinutes: number | null;
}) {
  const { t, localName } = useI18n();
  const alpha = HEATMAP_ALPHA / 255;
  let caption: string;
  let steps: { colour: Rgb; label: string; inTier?: boolean }[];
  if (subject === 'completeness') {
    const count = grid ? gridCategories(grid).length : 0;
    caption = t('access.legend.completeness', { n: count });
    steps = completenessColours(count).map((colour, reached) => ({ colour, label: String(reached) }));
  } else {
    caption = t('access.legend.travelTime', { name: localName(FACILITY_CATEGORIES[subject]) });
    steps = travelTimeSteps().map((step) => ({
      colour: step.colour,
      label: step.toMinutes === null ? `> ${step.fromMinutes}` : `${step.fromMinutes}–${step.toMinutes}`,
      inTier: tierMinutes !== null && step.toMinutes !== null && step.toMinutes <= tierMinutes,
    }));
  }
  const ready = grid !== null && !pending;
  return (
    <div
      className="legend heatmap-legend"
      data-testid="heatmap-legend"
      data-kind={subject === 'completeness' ? 'completeness' : 'travel-time'}
      aria-busy={!ready}
    >
      <div className="legend-caption">
        {caption}
        {pending && <Spinner className="legend-spinner" />}
      </div>
      {(subject !== 'completeness' || grid) && (
        <div className="ramp" style={{ gridTemplateColumns: `repeat(${steps.length}, 1fr)` }}>
          {steps.map((step, index) => (
            <div
              key={index}
              className={`ramp-step${step.inTier ? ' in-tier' : ''}`}
              data-testid="heatmap-legend-step"
            >
              <span className="ramp-colour" style={{ background: cssColour(step.colour, alpha) }} />
              <span className="ramp-label">{step.label}</span>
            </div>
          ))}
        </div>
      )}
      <div className="legend-item legend-empty">
        <span className="swatch swatch-area swatch-empty" />
        <span className="legend-label">
          {subject === 'completeness' ? t('access.legend.offNetwork') : t('access.legend.unreachable')}
        </span>
      </div>
      {tierMinutes !== null && (
        <div className="legend-tier">
          <span className="tier-bracket" aria-hidden="true" />
          {t('access.legend.tier', { n: tierMinutes })}
        </div>
      )}
    </div>
  );
}

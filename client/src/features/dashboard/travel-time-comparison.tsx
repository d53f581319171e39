/**
 * The dashboard's residents-by-walking-time chart with a scenario picked: each walking-time band's
 * residents on the baseline (现状) and on the scenario (方案) side by side, both counts under the
 * band and the signed change over it, with a legend, and one line saying how many more (or fewer)
 * residents reach a service station within 5 and 15 minutes.
 */
import { formatCount, formatNumber, formatSigned } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { travelTimeBandLabel } from './dashboard-figures';
import { withinChange, type TravelTimeBinChange } from './scenario-figures';

/** The summary's walking times: the station's 5-minute requirement and the 15-minute life circle. */
const CHANGE_SUMMARY_MINUTES = [5, 15] as const;

const WIDTH = 420;
const HEIGHT = 206;
const MARGIN = { top: 16, right: 8, bottom: 46, left: 8 };
/** Space between the bands' bar pairs, and between the two bars of a pair (SVG units). */
const PAIR_GAP = 8;
const BAR_GAP = 2;

/** "+1,234", "−56", "±0". */
const signedCount = (value: number) => formatSigned(value, formatCount(Math.abs(value)) ?? '');

export function TravelTimeComparison({ bins }: { bins: readonly TravelTimeBinChange[] }) {
  const { t } = useI18n();
  const largest = Math.max(1, ...bins.flatMap((bin) => [bin.before, bin.after]));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / bins.length;
  const barWidth = (slot - PAIR_GAP - BAR_GAP) / 2;
  const baseY = MARGIN.top + plotHeight;
  const changes = CHANGE_SUMMARY_MINUTES.map((minutes) => withinChange(bins, minutes));
  return (
    <div className="travel-comparison">
      <div className="travel-legend" data-testid="travel-legend">
        <span className="travel-legend-item">
          <span className="travel-swatch is-before" aria-hidden="true" />
          {t('dashboard.kpiBefore')}
        </span>
        <span className="travel-legend-item">
          <span className="travel-swatch is-after" aria-hidden="true" />
          {t('dashboard.kpiAfter')}
        </span>
        <span className="travel-legend-unit">{t('dashboard.chartUnit')}</span>
      </div>
      <svg
        className="travel-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('dashboard.chartTitle')}
        data-testid="travel-chart"
        data-series="2"
      >
        {bins.map((bin, index) => {
          const x = MARGIN.left + index * slot + PAIR_GAP / 2;
          const middle = x + barWidth + BAR_GAP / 2;
          const heightOf = (residents: number) => Math.max((residents / largest) * plotHeight, 0.5);
          const top = baseY - Math.max(heightOf(bin.before), heightOf(bin.after));
          const label = travelTimeBandLabel(bin, t);
          const delta = bin.after - bin.before;
          return (
            <g key={bin.fromMinutes} data-testid="travel-bin" data-before={bin.before} data-after={bin.after}>
              <rect
                x={x}
                y={baseY - heightOf(bin.before)}
                width={barWidth}
                height={heightOf(bin.before)}
                className="bar is-before"
              />
              <rect
                x={x + barWidth + BAR_GAP}
                y={baseY - heightOf(bin.after)}
                width={barWidth}
                height={heightOf(bin.after)}
                className={bin.toMinutes === null ? 'bar is-after is-beyond' : 'bar is-after'}
              />
              <text
                x={middle}
                y={top - 4}
                className={`bar-delta${delta === 0 ? ' is-same' : ''}`}
                data-testid="travel-bin-delta"
              >
                {signedCount(delta)}
              </text>
              <text x={middle} y={baseY + 13} className="bar-label">
                {label}
              </text>
              <text x={middle} y={baseY + 26} className="bar-count is-before">
                {formatCount(bin.before)}
              </text>
              <text x={middle} y={baseY + 39} className="bar-count is-after">
                {formatCount(bin.after)}
              </text>
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseY} y2={baseY} className="axis" />
      </svg>
      <p className="travel-change" data-testid="travel-change">
        {changes.map((change, index) => (
          <span
            key={change.minutes}
            data-testid="travel-change-within"
            data-minutes={change.minutes}
            data-before={change.before}
            data-after={change.after}
          >
            {index > 0 && t('dashboard.chartChangeSeparator')}
            {t(index === 0 ? 'dashboard.chartChangeFirst' : 'dashboard.chartChangeNext', {
              n: change.minutes,
              delta: signedCount(change.delta),
            })}
            {change.relative !== null &&
              t('dashboard.chartChangeRelative', {
                relative: formatSigned(
                  change.relative,
                  `${formatNumber(Math.abs(change.relative) * 100, 1)}%`,
                ),
              })}
          </span>
        ))}
      </p>
    </div>
  );
}

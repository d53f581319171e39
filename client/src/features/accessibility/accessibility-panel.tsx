/**
 * The accessibility panel (可达性分析): walking profile, isochrones from a clicked facility or point
 * with who lives in each band (network, service radius, or both compared), and coverage heat maps
 * with the uncovered units and each community's coverage of the chosen category.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type {
  AccessMethod,
  CoverageResult,
  HeatmapGrid,
  IsochroneCollection,
  IsochroneRequestBody,
  RegionLayers,
  UnitFeature,
} from '../../lib/api-types';
import { formatCount, formatNumber, formatShare, formatSpeed } from '../../lib/format';
import {
  coverageQuery,
  EXPORT_FORMATS,
  fetchIsochroneExport,
  heatmapQueryParameters,
  regionExportUrl,
  type ExportFormat,
} from '../../lib/api';
import { EXPORT_FORMAT_LABELS, ExportLinks } from '../export/export-links';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { reportError } from '../../lib/notices';
import {
  FACILITY_CATEGORIES,
  FACILITY_CATEGORY_IDS,
  isFacilityCategoryId,
  type FacilityCategoryId,
} from '../../lib/standards';
import {
  MAX_WALK_SPEED_METERS_PER_SECOND,
  MIN_WALK_SPEED_METERS_PER_SECOND,
  WALK_SPEED_METERS_PER_SECOND,
} from '../../lib/walking';
import {
  FACILITY_CATEGORY_COLOURS,
  HEATMAP_ALPHA,
  UNCOVERED_UNIT_FILL,
  UNCOVERED_UNIT_OUTLINE,
  cssColour,
  type Rgb,
} from '../../map/colours';
import { multiPolygonBbox } from '../../map/geometry';
import { completenessColours, travelTimeSteps } from '../../map/heatmap-image';
import { bandRows, comparisonRows, type BandRow } from './band-rows';
import { categoryCoverageRows, communityCoverageRows, regionCoverage, uncoveredUnits } from './coverage-rows';
import { anyEstimatedUnitIn, communitiesWithEstimates } from './estimated';
import { formatMinutesList, parseMinutesList, type MinutesParse } from './minutes-list';
import {
  HEATMAP_CELL_METERS,
  type AccessibilityState,
  type AnalysisView,
  type HeatmapSubject,
  type IsochroneMethod,
  type SpeedProfile,
} from './use-accessibility';

export interface AccessibilityPanelProps {
  state: AccessibilityState;
  data: Partial<RegionLayers>;
  /** Frame a community on the map and select it (coverage table rows). */
  onShowCommunity: (communityId: string) => void;
  /** Frame a bbox `[west, south, east, north]` on the map. */
  onShowBbox: (bbox: [number, number, number, number]) => void;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function AccessibilityPanel({ state, data, onShowCommunity, onShowBbox }: AccessibilityPanelProps) {
  const { t } = useI18n();
  return (
    <section
      className="panel accessibility-panel"
      data-testid="accessibility-panel"
      aria-labelledby="accessibility-panel-title"
    >
      <h2 id="accessibility-panel-title" className="panel-title visually-hidden">
        {t('access.title')}
      </h2>
      <Segmented<AnalysisView>
        testId="analysis-view"
        label={t('access.views')}
        value={state.view}
        options={[
          { value: 'isochrones', label: t('access.view.isochrones') },
          { value: 'coverage', label: t('access.view.coverage') },
        ]}
        onChange={state.setView}
        wide
      />
      <ProfilePicker state={state} />
      {state.view === 'isochrones' ? (
        <IsochroneSection state={state} data={data} onShowBbox={onShowBbox} />
      ) : (
        <CoverageSection state={state} data={data} onShowCommunity={onShowCommunity} />
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ shared pieces */

function Segmented<T extends string | number>(props: {
  testId: string;
  label: string;
  value: T;
  options: { value: T; label: ReactNode; title?: string }[];
  onChange: (value: T) => void;
  wide?: boolean;
}) {
  return (
    <div
      className={`segmented${props.wide ? ' segmented-wide' : ''}`}
      role="radiogroup"
      aria-label={props.label}
      data-testid={props.testId}
    >
      {props.options.map((option) => (
        <button
          key={String(option.value)}
          type="button"
          role="radio"
          aria-checked={props.value === option.value}
          className={props.value === option.value ? 'is-active' : undefined}
          data-value={option.value}
          title={option.title}
          onClick={() => props.onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

function Field({ label, children, htmlFor }: { label: string; children: ReactNode; htmlFor?: string }) {
  return (
    <div className="access-field">
      <label className="access-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
    </div>
  );
}

function EstimatedTag() {
  const { t } = useI18n();
  return (
    <span className="estimated-tag" title={t('access.estimatedHint')} data-testid="estimated-tag">
      {t('access.estimated')}
    </span>
  );
}

/* ------------------------------------------------------------------ walking profile */

function ProfilePicker({ state }: { state: AccessibilityState }) {
  const { t } = useI18n();
  const speed = state.speedMetersPerSecond;
  return (
    <Field label={t('access.profile')}>
      <Segmented<SpeedProfile>
        testId="walking-profile"
        label={t('access.profile')}
        value={state.profile}
        options={[
          {
            value: 'adult',
            label: (
              <>
                {t('access.profile.adult')} <small>{formatSpeed(WALK_SPEED_METERS_PER_SECOND.adult)}</small>
              </>
            ),
            title: t('access.speedValue', { speed: formatSpeed(WALK_SPEED_METERS_PER_SECOND.adult) }),
          },
          {
            value: 'elderly',
            label: (
              <>
                {t('access.profile.elderly')}{' '}
                <small>{formatSpeed(WALK_SPEED_METERS_PER_SECOND.elderly)}</small>
              </>
            ),
            title: t('access.speedValue', { speed: formatSpeed(WALK_SPEED_METERS_PER_SECOND.elderly) }),
          },
          { value: 'custom', label: t('access.profile.custom') },
        ]}
        onChange={state.setProfile}
        wide
      />
      <div className="speed-line">
        {state.profile === 'custom' ? (
          <span className="speed-input">
            <input
              type="number"
              inputMode="decimal"
              min={MIN_WALK_SPEED_METERS_PER_SECOND}
              max={MAX_WALK_SPEED_METERS_PER_SECOND}
              step={0.1}
              value={state.customSpeedText}
              aria-label={t('access.speedInput')}
              aria-invalid={speed === null}
              data-testid="custom-speed"
              onChange={(event) => state.setCustomSpeedText(event.target.value)}
            />
            m/s
          </span>
        ) : (
          <span className="speed-value">{t('access.speedValue', { speed: formatSpeed(speed ?? 0) })}</span>
        )}
        {speed !== null && (
          <span className="speed-note">
            {t('access.speedPerMinute', { meters: formatNumber(speed * 60) })}
          </span>
        )}
      </div>
      {speed === null && (
        <p className="field-error" role="alert">
          {t('access.speedProblem', {
            min: MIN_WALK_SPEED_METERS_PER_SECOND,
            max: MAX_WALK_SPEED_METERS_PER_SECOND,
          })}
        </p>
      )}
    </Field>
  );
}

/* ------------------------------------------------------------------ isochrones */

function minutesProblem(parse: MinutesParse, t: Translate): string | null {
  if (parse.ok) return null;
  switch (parse.reason) {
    case 'minutes-empty':
      return t('access.minutes.empty');
    case 'minutes-not-a-number':
      return t('access.minutes.notNumber', { token: parse.token ?? '' });
    case 'minutes-out-of-range':
      return t('access.minutes.outOfRange', { token: parse.token ?? '' });
    case 'minutes-too-many':
      return t('access.minutes.tooMany');
  }
}

function MinutesInput({
  minutes,
  onChange,
}: {
  minutes: readonly number[];
  onChange: (minutes: number[]) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => formatMinutesList(minutes));
  useEffect(() => setText(formatMinutesList(minutes)), [minutes]);
  const parse = useMemo(() => parseMinutesList(text), [text]);
  const problem = minutesProblem(parse, t);
  const commit = () => {
    if (!parse.ok) return;
    if (parse.minutes.join() !== minutes.join()) onChange(parse.minutes);
    else setText(formatMinutesList(parse.minutes));
  };
  return (
    <Field label={t('access.minutes')} htmlFor="isochrone-minutes">
      <input
        id="isochrone-minutes"
        className="text-input"
        type="text"
        value={text}
        aria-invalid={problem !== null}
        aria-describedby="isochrone-minutes-hint"
        data-testid="minutes-input"
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {problem ? (
        <p className="field-error" role="alert" id="isochrone-minutes-hint">
          {problem}
        </p>
      ) : (
        <p className="field-hint" id="isochrone-minutes-hint">
          {t('access.minutesHint')}
        </p>
      )}
    </Field>
  );
}

function collectionEstimated(collection: IsochroneCollection | null, units: readonly UnitFeature[]): boolean {
  if (!collection) return false;
  return anyEstimatedUnitIn(
    units,
    multiPolygonBbox(collection.features.flatMap((feature) => feature.geometry.coordinates)),
  );
}

function IsochroneSection({
  state,
  data,
  onShowBbox,
}: {
  state: AccessibilityState;
  data: Partial<RegionLayers>;
  onShowBbox: (bbox: [number, number, number, number]) => void;
}) {
  const { t, localName } = useI18n();
  const { origin, isochrones, method } = state;
  const units = data.units?.features;
  const networkRows = useMemo(
    () => (isochrones.network ? bandRows(isochrones.network.features) : []),
    [isochrones.network],
  );
  const radiusRows = useMemo(
    () => (isochrones.radius ? bandRows(isochrones.radius.features) : []),
    [isochrones.radius],
  );
  const estimated = useMemo(
    () =>
      collectionEstimated(method === 'radius' ? isochrones.radius : isochrones.network, units ?? []) ||
      (method === 'compare' && collectionEstimated(isochrones.radius, units ?? [])),
    [method, isochrones.network, isochrones.radius, units],
  );
  // Everything drawn: the radii reach farther than the network bands when they are shown.
  const resultBbox = useMemo(() => {
    const shown = [
      ...(method !== 'radius' ? (isochrones.network?.features ?? []) : []),
      ...(method !== 'network' ? (isochrones.radius?.features ?? []) : []),
    ];
    return multiPolygonBbox(shown.flatMap((feature) => feature.geometry.coordinates));
  }, [method, isochrones.network, isochrones.radius]);
  const facility =
    origin?.kind === 'facility'
      ? data.facilities?.features.find((feature) => feature.properties.id === origin.id)
      : undefined;
  const category = facility ? FACILITY_CATEGORIES[facility.properties.category] : undefined;

  return (
    <div className="access-section">
      <MinutesInput minutes={state.minutes} onChange={state.setMinutes} />
      <Field label={t('access.method')}>
        <Segmented<IsochroneMethod>
          testId="method-switch"
          label={t('access.method')}
          value={method}
          options={[
            { value: 'network', label: t('access.method.network') },
            { value: 'radius', label: t('access.method.radius') },
            { value: 'compare', label: t('access.method.compare') },
          ]}
          onChange={state.setMethod}
          wide
        />
      </Field>

      {!origin ? (
        <p className="hint" data-testid="isochrone-hint">
          {t('access.clickHint')}
        </p>
      ) : (
        <div
          className="origin-card"
          data-testid="isochrone-origin"
          data-origin-kind={origin.kind}
          data-facility-id={origin.kind === 'facility' ? origin.id : undefined}
        >
          <span className="origin-mark" aria-hidden="true" />
          <div className="origin-text">
            <span className="origin-caption">{t('access.origin')}</span>
            <span className="origin-name">
              {facility ? facility.properties.name : t('access.originPoint')}
              {category && <span className="origin-category">{localName(category)}</span>}
            </span>
            {!facility && (
              <span className="origin-coordinates">
                {formatNumber(origin.position[0], 5)}, {formatNumber(origin.position[1], 5)}
              </span>
            )}
          </div>
          <div className="origin-actions">
            {resultBbox && (
              <button
                type="button"
                className="icon-button"
                data-testid="isochrone-fit"
                title={t('access.fit')}
                aria-label={t('access.fit')}
                onClick={() => onShowBbox(resultBbox)}
              >
                <svg viewBox="0 0 16 16" className="fit-icon" aria-hidden="true">
                  <path d="M2 6 V2 H6 M10 2 H14 V6 M14 10 V14 H10 M6 14 H2 V10" />
                  <circle cx="8" cy="8" r="2" />
                </svg>
              </button>
            )}
            <button
              type="button"
              className="button-quiet"
              data-testid="isochrone-clear"
              onClick={() => state.setOrigin(null)}
            >
              {t('access.clear')}
            </button>
          </div>
        </div>
      )}

      {origin &&
        state.regionId &&
        state.speedMetersPerSecond !== null &&
        !isochrones.pending &&
        (isochrones.network || isochrones.radius) && (
          <IsochroneExports
            regionId={state.regionId}
            body={{
              ...(origin.kind === 'facility' ? { facilityIds: [origin.id] } : { origins: [origin.position] }),
              minutes: [...state.minutes],
              speedMetersPerSecond: state.speedMetersPerSecond,
              mode: 'rings',
              method: method === 'radius' ? 'radius' : 'network',
            }}
          />
        )}

      {isochrones.pending && (
        <p className="computing">
          <span className="spinner" /> {t('access.computing')}
        </p>
      )}

      {method === 'compare'
        ? networkRows.length > 0 &&
          radiusRows.length > 0 && (
            <ComparisonTable network={networkRows} radius={radiusRows} estimated={estimated} />
          )
        : (method === 'radius' ? radiusRows : networkRows).length > 0 && (
            <BandTable
              rows={method === 'radius' ? radiusRows : networkRows}
              method={method}
              estimated={estimated}
            />
          )}
    </div>
  );
}

function BandTable({
  rows,
  method,
  estimated,
}: {
  rows: BandRow[];
  method: AccessMethod;
  estimated: boolean;
}) {
  const { t } = useI18n();
  const last = rows[rows.length - 1];
  return (
    <div className="band-table-wrap">
      <table className="data-table band-table" data-testid="isochrone-bands" data-method={method}>
        <thead>
          <tr>
            <th scope="col">{t('access.band')}</th>
            <th scope="col" className="num">
              {t('access.residents')}
              {estimated && <EstimatedTag />}
            </th>
            <th scope="col" className="num">
              {t('access.households')}
            </th>
            <th scope="col" className="num">
              {t('access.elderly')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.minutes}
              data-testid="isochrone-band"
              data-minutes={row.minutes}
              data-residents={row.residents}
              data-cumulative-residents={row.cumulativeResidents}
              data-method={method}
            >
              <th scope="row">
                <span className="band-swatch" style={{ background: cssColour(row.colour, 0.75) }} />
                {t('access.bandRange', {
                  from: formatNumber(row.fromMinutes, 1),
                  to: formatNumber(row.minutes, 1),
                })}
                {row.radiusMeters !== null && (
                  <span className="band-radius">≤ {formatCount(row.radiusMeters)} m</span>
                )}
              </th>
              <td className="num" data-testid="band-residents">
                {formatCount(row.residents)}
              </td>
              <td className="num">{formatCount(row.households)}</td>
              <td className="num">{formatCount(row.elderly)}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('access.total', { minutes: formatNumber(last.minutes, 1) })}</th>
              <td className="num" data-testid="band-total-residents">
                {formatCount(last.cumulativeResidents)}
              </td>
              <td className="num">{formatCount(last.cumulativeHouseholds)}</td>
              <td className="num">{formatCount(last.cumulativeElderly)}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <p className="source-note">{method === 'radius' ? t('access.radiusNote') : t('access.networkNote')}</p>
    </div>
  );
}

function ComparisonTable({
  network,
  radius,
  estimated,
}: {
  network: BandRow[];
  radius: BandRow[];
  estimated: boolean;
}) {
  const { t } = useI18n();
  const rows = comparisonRows(network, radius);
  const last = rows[rows.length - 1];
  const extra = last ? last.radiusResidents - last.networkResidents : 0;
  return (
    <div className="band-table-wrap">
      <table className="data-table band-table" data-testid="isochrone-compare">
        <thead>
          <tr>
            <th scope="col">{t('access.compare.within')}</th>
            <th scope="col" className="num">
              {t('access.compare.network')}
              {estimated && <EstimatedTag />}
            </th>
            <th scope="col" className="num">
              <span className="dash-swatch" aria-hidden="true" />
              {t('access.compare.radius')}
            </th>
            <th scope="col" className="num">
              {t('access.compare.overstated')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.minutes}
              data-testid="isochrone-compare-row"
              data-minutes={row.minutes}
              data-network-residents={row.networkResidents}
              data-radius-residents={row.radiusResidents}
            >
              <th scope="row">
                <span className="band-swatch" style={{ background: cssColour(row.colour, 0.75) }} />
                {formatNumber(row.minutes, 1)}
                {row.radiusMeters !== null && (
                  <span className="band-radius">{formatCount(row.radiusMeters)} m</span>
                )}
              </th>
              <td className="num">{formatCount(row.networkResidents)}</td>
              <td className="num">{formatCount(row.radiusResidents)}</td>
              <td
                className={`num${row.overstatementShare !== null && row.overstatementShare > 0 ? ' overstated' : ''}`}
              >
                {row.overstatementShare === null
                  ? t('value.missing')
                  : `${row.overstatementShare > 0 ? '+' : ''}${formatShare(row.overstatementShare)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="compare-note" data-testid="compare-note">
        {last && extra > 0
          ? t('access.compare.note', {
              minutes: formatNumber(last.minutes, 1),
              extra: formatCount(extra) ?? '',
              share: `+${formatShare(last.overstatementShare) ?? ''}`,
            })
          : t('access.compare.noteSame')}
      </p>
    </div>
  );
}

/* ------------------------------------------------------------------ coverage and heat maps */

/** Categories offered: those with a tier in the applied table (or the default one before coverage arrives). */
function tierOf(category: FacilityCategoryId, coverage: CoverageResult | null): number | null {
  if (coverage && category in coverage.tiers) return coverage.tiers[category] ?? null;
  return FACILITY_CATEGORIES[category].tierMinutes;
}

/** Tier choices offered when editing the category → tier table (GB 50180's 5/10/15-minute circles). */
const TIER_CHOICES_MINUTES = [5, 10, 15] as const;

/**
 * The tier the chosen category must be reached within: the standards' default unless the planner
 * sets another; coverage and the completeness map follow the edited table.
 */
function TierPicker({ state, category }: { state: AccessibilityState; category: FacilityCategoryId }) {
  const { t } = useI18n();
  const defaultMinutes = FACILITY_CATEGORIES[category].tierMinutes;
  const current = state.tierOverrides[category] ?? defaultMinutes;
  if (defaultMinutes === null || current === null) return null;
  const choose = (minutes: number) => {
    const { [category]: _previous, ...others } = state.tierOverrides;
    state.setTierOverrides(minutes === defaultMinutes ? others : { ...others, [category]: minutes });
  };
  return (
    <Field label={t('access.tier')}>
      <Segmented
        testId="tier-picker"
        label={t('access.tier')}
        value={current}
        options={TIER_CHOICES_MINUTES.map((minutes) => ({
          value: minutes,
          label: t('access.tierMinutes', { n: minutes }),
          title: minutes === defaultMinutes ? t('access.tierDefault', { n: defaultMinutes }) : undefined,
        }))}
        onChange={choose}
      />
      <p className="hint">
        {t('access.tierDefault', { n: defaultMinutes })}
        {Object.keys(state.tierOverrides).length > 0 && (
          <>
            {' · '}
            <button
              type="button"
              className="link-button"
              data-testid="tier-reset"
              onClick={() => state.setTierOverrides({})}
            >
              {t('access.tierReset')}
            </button>
          </>
        )}
      </p>
    </Field>
  );
}

/** Downloads of the isochrones shown (network bands, or the radii when those are shown alone). */
function IsochroneExports({ regionId, body }: { regionId: string; body: IsochroneRequestBody }) {
  const { t } = useI18n();
  const download = async (format: ExportFormat) => {
    const result = await fetchIsochroneExport(regionId, body, format);
    if (!result.ok) {
      reportError(result.error);
      return;
    }
    // A POST answer cannot be a link's target: hand the browser the file through an object URL.
    const url = URL.createObjectURL(result.data.blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = result.data.fileName;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="export-links analysis-exports" data-testid="export-isochrones">
      <span className="export-label">{t('export.isochrones')}</span>
      <span className="export-formats">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="link-button"
            data-format={format}
            onClick={() => void download(format)}
          >
            {EXPORT_FORMAT_LABELS[format]}
          </button>
        ))}
      </span>
    </div>
  );
}

/** Downloads of what the coverage view shows: coverage per community and the heat-map grid as drawn. */
function AnalysisExports({
  state,
  regionId,
  speedMetersPerSecond,
}: {
  state: AccessibilityState;
  regionId: string;
  speedMetersPerSecond: number;
}) {
  const { t } = useI18n();
  const { heatmapQuery } = state;
  return (
    <div className="analysis-exports">
      <ExportLinks
        testId="export-coverage"
        label={t('export.coverage')}
        hrefFor={(format) =>
          regionExportUrl(
            regionId,
            'coverage',
            format,
            coverageQuery(speedMetersPerSecond, state.tierOverrides),
          )
        }
      />
      {heatmapQuery && (
        <ExportLinks
          testId="export-heatmap"
          label={t('export.heatmap')}
          hrefFor={(format) =>
            regionExportUrl(regionId, 'heatmap', format, heatmapQueryParameters(heatmapQuery))
          }
        />
      )}
    </div>
  );
}

function CoverageSection({
  state,
  data,
  onShowCommunity,
}: {
  state: AccessibilityState;
  data: Partial<RegionLayers>;
  onShowCommunity: (communityId: string) => void;
}) {
  const { t, localName } = useI18n();
  const { subject, heatmap, coverage } = state;
  const result = coverage.result;
  const categories = FACILITY_CATEGORY_IDS.filter((id) => tierOf(id, result) !== null);
  const category = subject && subject !== 'completeness' ? subject : null;

  return (
    <div className="access-section">
      <Field label={t('access.subject')} htmlFor="heatmap-subject">
        <select
          id="heatmap-subject"
          className="select-input"
          data-testid="category-picker"
          value={subject ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            state.setSubject(
              value === 'completeness' ? 'completeness' : isFacilityCategoryId(value) ? value : null,
            );
          }}
        >
          <option value="">{t('access.subjectPlaceholder')}</option>
          <option value="completeness">{t('access.subject.completeness')}</option>
          {categories.map((id) => (
            <option key={id} value={id}>
              {t('access.subjectOption', {
                name: localName(FACILITY_CATEGORIES[id]),
                minutes: tierOf(id, result) ?? '',
              })}
            </option>
          ))}
        </select>
      </Field>
      {category && <TierPicker state={state} category={category} />}
      <Field label={t('access.cellSize')}>
        <Segmented
          testId="cell-size"
          label={t('access.cellSize')}
          value={state.cellMeters}
          options={HEATMAP_CELL_METERS.map((meters) => ({
            value: meters,
            label: t('access.cellMeters', { n: meters }),
          }))}
          onChange={state.setCellMeters}
        />
      </Field>

      {!subject ? (
        <p className="hint">{t('access.heatmapHint')}</p>
      ) : (
        <>
          <HeatmapLegend
            subject={subject}
            grid={heatmap.grid}
            pending={heatmap.pending}
            tierMinutes={category ? tierOf(category, result) : null}
          />
          {coverage.pending && (
            <p className="computing">
              <span className="spinner" /> {t('access.computing')}
            </p>
          )}
          {state.regionId && state.speedMetersPerSecond !== null && (
            <AnalysisExports
              state={state}
              regionId={state.regionId}
              speedMetersPerSecond={state.speedMetersPerSecond}
            />
          )}
          {result && category && (
            <CategoryCoverageView
              result={result}
              category={category}
              data={data}
              onShowCommunity={onShowCommunity}
              showUncovered={state.showUncovered}
              onShowUncovered={state.setShowUncovered}
            />
          )}
          {result && subject === 'completeness' && (
            <CompletenessTable
              result={result}
              categories={heatmap.grid?.categories ?? null}
              onPick={(id) => state.setSubject(id)}
            />
          )}
        </>
      )}
    </div>
  );
}

function HeatmapLegend({
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
    const count = grid?.categories?.length ?? 0;
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
        {pending && <span className="spinner legend-spinner" />}
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

function CategoryCoverageView({
  result,
  category,
  data,
  onShowCommunity,
  showUncovered,
  onShowUncovered,
}: {
  result: CoverageResult;
  category: FacilityCategoryId;
  data: Partial<RegionLayers>;
  onShowCommunity: (communityId: string) => void;
  showUncovered: boolean;
  onShowUncovered: (show: boolean) => void;
}) {
  const { t, language, localName } = useI18n();
  const units = data.units?.features;
  const region = regionCoverage(result, category);
  const rows = useMemo(() => communityCoverageRows(result, category), [result, category]);
  const uncovered = useMemo(() => uncoveredUnits(result, category, units ?? []), [result, category, units]);
  const estimatedCommunities = useMemo(() => communitiesWithEstimates(units ?? []), [units]);
  const regionEstimated = estimatedCommunities.size > 0;
  const nameOf = useMemo(() => {
    const names = new Map(
      (data.communities?.features ?? []).map((feature) => [feature.properties.id, feature.properties.nameEn]),
    );
    return (id: string, name: string) => (language === 'en' && names.get(id) ? names.get(id)! : name);
  }, [data.communities, language]);
  const categoryName = localName(FACILITY_CATEGORIES[category]);
  const tier = region?.tierMinutes ?? tierOf(category, result) ?? 0;

  return (
    <>
      <div className="coverage-kpis">
        <div className="kpi" data-testid="coverage-region" data-share={region?.coveredShare ?? ''}>
          <div className="kpi-value">
            {formatShare(region?.coveredShare) ?? t('value.missing')}
            {regionEstimated && <EstimatedTag />}
          </div>
          <div className="kpi-label">{t('access.coverageRegion', { minutes: tier })}</div>
        </div>
        <div
          className="kpi kpi-alert"
          data-testid="uncovered-units"
          data-count={uncovered.unitCount}
          data-residents={uncovered.residents}
        >
          <div className="kpi-value">
            <span
              className="swatch swatch-area"
              style={{
                background: cssColour(
                  [UNCOVERED_UNIT_FILL[0], UNCOVERED_UNIT_FILL[1], UNCOVERED_UNIT_FILL[2]],
                  UNCOVERED_UNIT_FILL[3] / 255,
                ),
                borderColor: cssColour([
                  UNCOVERED_UNIT_OUTLINE[0],
                  UNCOVERED_UNIT_OUTLINE[1],
                  UNCOVERED_UNIT_OUTLINE[2],
                ]),
              }}
            />
            {formatCount(uncovered.unitCount)}
          </div>
          <div className="kpi-label">
            {t('access.uncovered')} · {formatCount(uncovered.residents)} {t('band.residentsUnit')}
            {uncovered.estimated && <EstimatedTag />}
          </div>
          <label className="kpi-toggle">
            <input
              type="checkbox"
              className="switch"
              checked={showUncovered}
              data-testid="show-uncovered"
              onChange={(event) => onShowUncovered(event.target.checked)}
            />
            {t('access.showUncovered')}
          </label>
        </div>
      </div>
      <p className="source-note">{t('access.uncoveredHint', { name: categoryName, minutes: tier })}</p>

      <section className="details-section">
        <h4 className="section-title">{t('access.coverageTable')}</h4>
        <ul className="coverage-table" data-testid="coverage-table" data-category={category}>
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="coverage-row"
                data-testid="coverage-row"
                data-community-id={row.id}
                data-share={row.coveredShare ?? ''}
                title={t('access.coverageRowHint')}
                onClick={() => onShowCommunity(row.id)}
              >
                <span className="coverage-name">
                  {nameOf(row.id, row.name)}
                  {estimatedCommunities.has(row.id) && <EstimatedTag />}
                </span>
                <span className="coverage-track">
                  <span
                    className={`coverage-fill${row.coveredShare !== null && row.coveredShare < 0.5 ? ' is-low' : ''}`}
                    style={{ width: `${(row.coveredShare ?? 0) * 100}%` }}
                  />
                </span>
                <span className="coverage-share">
                  {row.coveredShare === null ? t('access.noResidents') : formatShare(row.coveredShare)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function CompletenessTable({
  result,
  categories,
  onPick,
}: {
  result: CoverageResult;
  categories: readonly string[] | null;
  onPick: (category: FacilityCategoryId) => void;
}) {
  const { t, localName } = useI18n();
  const rows = categoryCoverageRows(result, categories ?? undefined);
  return (
    <section className="details-section">
      <h4 className="section-title">{t('access.coverageCategories')}</h4>
      <ul className="coverage-table" data-testid="coverage-table" data-category="completeness">
        {rows.map((row) => {
          const id = row.category;
          const known = isFacilityCategoryId(id);
          return (
            <li key={id}>
              <button
                type="button"
                className="coverage-row"
                data-testid="coverage-row"
                data-category={id}
                data-share={row.coveredShare ?? ''}
                title={t('access.categoryRowHint')}
                disabled={!known}
                onClick={() => known && onPick(id)}
              >
                <span className="coverage-name">
                  <span
                    className="swatch swatch-point"
                    style={{ background: cssColour(known ? FACILITY_CATEGORY_COLOURS[id] : [120, 120, 120]) }}
                  />
                  {known ? localName(FACILITY_CATEGORIES[id]) : id}
                  <span className="coverage-tier">{t('tier.minutes', { n: row.tierMinutes })}</span>
                </span>
                <span className="coverage-track">
                  <span
                    className={`coverage-fill${row.coveredShare !== null && row.coveredShare < 0.5 ? ' is-low' : ''}`}
                    style={{ width: `${(row.coveredShare ?? 0) * 100}%` }}
                  />
                </span>
                <span className="coverage-share">{formatShare(row.coveredShare) ?? t('value.missing')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

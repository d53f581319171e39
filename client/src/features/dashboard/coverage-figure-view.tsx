/**
 * 生活圈热力图 on the dashboard: the completeness grid (or one category's walking time) as one image
 * under the region's water, community and street outlines, all in one SVG so it looks the same on
 * screen and on paper, with a legend (0…N categories reached from the grid's own category list, or
 * the travel-time classes) and a caption naming what was counted.
 */
import { useMemo } from 'react';
import { formatNumber } from '../../lib/format';
import { useI18n, type Language } from '../../lib/i18n';
import { FACILITY_CATEGORIES, isFacilityCategoryId } from '../../lib/standards';
import { BASEMAP, COMMUNITY_OUTLINE, DIFFERENCE_COLOURS, cssColour, type Rgb } from '../../map/colours';
import {
  completenessColours,
  gridCategories,
  gridToPixels,
  heatmapCellColour,
  travelTimeSteps,
  type HeatmapPixels,
} from '../../map/heatmap-image';
import type { BasemapDisplay } from '../layer-panel/use-basemap-display';
import { absoluteTileUrl } from '../../map/basemap-style';
import {
  figureTiles,
  fitProjection,
  polygonsBox,
  polygonsPath,
  projectBox,
  scaleBarMeters,
  unionBox,
} from './coverage-figure';
import {
  DASHBOARD_HEATMAP_CELL_METERS,
  DASHBOARD_HEATMAP_MAX_MINUTES,
  type CoverageFigureData,
  type CoverageSubject,
} from './use-coverage-figure';
import { FigureVectorBasemap } from './figure-vector-basemap';
import {
  DIFFERENCE_CLASSES,
  coverageDifference,
  type CoverageDifference,
  type DifferenceClass,
} from './coverage-difference';
import './coverage-figure-view.css';

const FIGURE_WIDTH = 420;
const FIGURE_HEIGHT = 300;
const FIGURE_PADDING = 8;
/** A strip under the map for the scale bar, so it never covers the cells. */
const SCALE_STRIP_HEIGHT = 14;
/** Opaque cells on paper: the outlines are drawn over them, and nothing needs to show through. */
const FIGURE_CELL_ALPHA = 255;
/** Over printed imagery the cells let it show through, so a gap can be read against the ground. */
const BASEMAP_CELL_OPACITY = 0.7;

function categoryName(category: string, language: Language): string {
  if (!isFacilityCategoryId(category)) return category;
  return language === 'zh' ? FACILITY_CATEGORIES[category].nameZh : FACILITY_CATEGORIES[category].nameEn;
}

/** The section title of a subject (the figure's heading on screen and on paper). */
export function useCoverageTitle(subject: CoverageSubject): string {
  const { t, language } = useI18n();
  return subject === 'completeness'
    ? t('dashboard.heatmapTitle')
    : t('dashboard.heatmapTravelTitle', { category: categoryName(subject, language) });
}

/** The subject picker: completeness, or one of the dashboard's headline categories. */
export function CoverageSubjectSelect(props: {
  subject: CoverageSubject;
  categories: readonly string[];
  onChange: (subject: CoverageSubject) => void;
}) {
  const { t, language } = useI18n();
  return (
    <select
      className="coverage-subject"
      data-testid="coverage-subject"
      aria-label={t('dashboard.heatmapSubject')}
      value={props.subject}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="completeness">{t('dashboard.heatmapCompleteness')}</option>
      {props.categories.map((category) => (
        <option key={category} value={category}>
          {t('dashboard.heatmapTravelOption', { category: categoryName(category, language) })}
        </option>
      ))}
    </select>
  );
}

interface LegendStep {
  key: string;
  label: string;
  colour: Rgb;
  attributes: Record<string, string | number>;
}

export function CoverageFigure({
  data,
  failed,
  basemaps = [],
}: {
  data: CoverageFigureData | null;
  failed: boolean;
  /** The region's base maps as the map shows them (top first); the stored ones are printed under the cells. */
  basemaps?: readonly BasemapDisplay[];
}) {
  const { t, language } = useI18n();
  const shownBasemaps = useMemo(
    () => basemaps.filter(({ visible, basemap }) => visible && basemap.format !== 'xyz').reverse(),
    [basemaps],
  );
  const figure = useMemo(() => (data ? drawing(data, shownBasemaps) : null), [data, shownBasemaps]);
  if (!data || !figure) {
    return (
      <div className="coverage-figure-loading">
        {failed ? t('error.network') : t('dashboard.heatmapLoading')}
      </div>
    );
  }
  const completeness = data.grid.kind === 'completeness';
  const categories = gridCategories(data.grid);
  const { difference } = figure;
  const steps: LegendStep[] = difference
    ? differenceSteps(difference, completeness, t)
    : completeness
      ? completenessColours(categories.length).map((colour, reached) => ({
          key: String(reached),
          label: String(reached),
          colour,
          attributes: { 'data-reached': reached },
        }))
      : travelTimeSteps().map((step) => ({
          key: String(step.fromMinutes),
          label: step.toMinutes === null ? `> ${step.fromMinutes}` : `${step.fromMinutes}–${step.toMinutes}`,
          colour: step.colour,
          attributes: { 'data-from-minutes': step.fromMinutes },
        }));
  const caption = difference
    ? t(completeness ? 'dashboard.differenceNote' : 'dashboard.differenceTravelNote', {
        category: categoryName(data.grid.category ?? '', language),
        cell: DASHBOARD_HEATMAP_CELL_METERS,
      })
    : completeness
      ? t('dashboard.heatmapNote', {
          n: categories.length,
          categories: categories
            .map((category) => categoryName(category, language))
            .join(language === 'zh' ? '、' : ', '),
          cell: DASHBOARD_HEATMAP_CELL_METERS,
        })
      : t('dashboard.heatmapTravelNote', {
          category: categoryName(data.grid.category ?? '', language),
          cell: DASHBOARD_HEATMAP_CELL_METERS,
          max: data.grid.maxMinutes ?? DASHBOARD_HEATMAP_MAX_MINUTES,
        });
  const { scaleBar } = figure;
  return (
    <div
      className="coverage-figure"
      data-testid="coverage-figure"
      data-kind={data.grid.kind}
      data-categories={categories.length}
      data-difference={difference ? 'true' : 'false'}
    >
      <svg
        className="coverage-map"
        viewBox={`0 0 ${FIGURE_WIDTH} ${FIGURE_HEIGHT}`}
        role="img"
        aria-label={t('dashboard.heatmapTitle')}
        data-testid="coverage-map"
      >
        <path d={figure.streetsPath} fill={BASEMAP.land} stroke="none" fillRule="evenodd" />
        {figure.basemapTiles.map(({ id, kind, opacity, template, tiles }) =>
          kind === 'vector' ? (
            <FigureVectorBasemap key={id} id={id} template={template} tiles={tiles} opacity={opacity} />
          ) : (
            <g key={id} opacity={opacity} data-testid="coverage-basemap" data-basemap={id}>
              {tiles.map((tile) => (
                <image
                  key={tile.key}
                  href={template
                    .replace('{z}', String(tile.z))
                    .replace('{x}', String(tile.x))
                    .replace('{y}', String(tile.y))}
                  x={tile.box.x}
                  y={tile.box.y}
                  width={tile.box.width}
                  height={tile.box.height}
                  preserveAspectRatio="none"
                />
              ))}
            </g>
          ),
        )}
        {figure.image && (
          <image
            href={figure.image}
            x={figure.imageBox.x}
            y={figure.imageBox.y}
            width={figure.imageBox.width}
            height={figure.imageBox.height}
            preserveAspectRatio="none"
            className="coverage-cells"
            opacity={figure.basemapTiles.length > 0 ? BASEMAP_CELL_OPACITY : 1}
          />
        )}
        <path
          d={figure.waterPath}
          fill={BASEMAP.water}
          stroke={BASEMAP.waterOutline}
          strokeWidth={0.5}
          fillRule="evenodd"
        />
        <path
          d={figure.communitiesPath}
          fill="none"
          stroke={cssColour([COMMUNITY_OUTLINE[0], COMMUNITY_OUTLINE[1], COMMUNITY_OUTLINE[2]], 0.55)}
          strokeWidth={0.6}
        />
        <path
          d={figure.streetsPath}
          fill="none"
          stroke={BASEMAP.streetBoundaryHalo}
          strokeWidth={2.6}
          strokeLinejoin="round"
        />
        <path
          d={figure.streetsPath}
          fill="none"
          stroke={BASEMAP.streetBoundary}
          strokeWidth={1.2}
          strokeLinejoin="round"
        />
        {scaleBar.meters > 0 && (
          <g className="coverage-scale" transform={`translate(${FIGURE_PADDING} ${FIGURE_HEIGHT - 4})`}>
            <rect x={0} y={-4} width={scaleBar.units} height={3} />
            <text x={scaleBar.units + 4} y={-2.5}>
              {scaleBar.meters >= 1000
                ? `${formatNumber(scaleBar.meters / 1000)} km`
                : `${scaleBar.meters} m`}
            </text>
          </g>
        )}
      </svg>
      <div className="coverage-legend" data-testid="coverage-legend">
        <span className="coverage-legend-title">
          {difference
            ? t('dashboard.differenceLegend')
            : completeness
              ? t('dashboard.heatmapLegend')
              : t('dashboard.heatmapLegendMinutes')}
        </span>
        {steps.map((step) => (
          <span
            key={step.key}
            className="coverage-legend-step"
            data-testid="coverage-legend-step"
            {...step.attributes}
          >
            <span className="coverage-legend-swatch" style={{ background: cssColour(step.colour) }} />
            {step.label}
          </span>
        ))}
      </div>
      <p className="dashboard-note" data-testid="coverage-caption">
        {caption}
      </p>
    </div>
  );
}

/** The difference legend: worse, unchanged and better always; lost and newly reached where any cell is. */
function differenceSteps(
  difference: CoverageDifference,
  completeness: boolean,
  t: ReturnType<typeof useI18n>['t'],
): LegendStep[] {
  const shown: DifferenceClass[] = ['lost', 'worse', 'same', 'better', 'reached'];
  return shown
    .filter((kind) => difference.counts[kind] > 0 || kind === 'worse' || kind === 'same' || kind === 'better')
    .map((kind) => ({
      key: kind,
      label: t('dashboard.differenceStep', {
        what: t(`dashboard.difference.${completeness ? 'completeness' : 'travel'}.${kind}`),
        n: formatNumber(difference.counts[kind]),
      }),
      colour: DIFFERENCE_COLOURS[kind],
      attributes: { 'data-class': kind, 'data-cells': difference.counts[kind] },
    }));
}

/** `basemaps`: the stored base maps shown, bottom first (configured services are not printed). */
function drawing(data: CoverageFigureData, basemaps: readonly BasemapDisplay[]) {
  const streets = data.streets.features.map((feature) => feature.geometry);
  const communities = data.communities.features.flatMap((feature) =>
    feature.geometry ? [feature.geometry] : [],
  );
  const box = unionBox([polygonsBox(streets), polygonsBox(communities), data.grid.bbox]);
  if (!box) return null;
  const difference = data.before ? coverageDifference(data.before, data.grid) : null;
  const projection = fitProjection(box, FIGURE_WIDTH, FIGURE_HEIGHT - SCALE_STRIP_HEIGHT, FIGURE_PADDING);
  const meters = scaleBarMeters(projection.unitsPerMeter, FIGURE_WIDTH / 5);
  return {
    streetsPath: polygonsPath(streets, projection),
    communitiesPath: polygonsPath(communities, projection),
    waterPath: polygonsPath(
      data.water.features.map((feature) => feature.geometry),
      projection,
    ),
    imageBox: projectBox(data.grid.bbox, projection),
    image: gridImage(difference ? differencePixels(difference) : data),
    difference,
    basemapTiles: basemaps.map(({ basemap, opacity }) => ({
      id: basemap.id,
      kind: basemap.kind,
      opacity,
      template: absoluteTileUrl(basemap.tiles[0], window.location.origin),
      tiles: figureTiles(projection, box, basemap),
    })),
    scaleBar: { meters, units: meters * projection.unitsPerMeter },
  };
}

/** The difference as pixels, one per cell, in its class's colour. */
function differencePixels(difference: CoverageDifference): HeatmapPixels {
  return gridToPixels(
    difference,
    (value) => DIFFERENCE_COLOURS[DIFFERENCE_CLASSES[value] ?? 'same'],
    FIGURE_CELL_ALPHA,
  );
}

/** The grid (or its pixels) as a PNG data URL (one pixel per cell), or null where the browser has no 2D canvas. */
function gridImage(source: CoverageFigureData | HeatmapPixels): string | null {
  const pixels =
    'grid' in source ? gridToPixels(source.grid, heatmapCellColour(source.grid), FIGURE_CELL_ALPHA) : source;
  const canvas = document.createElement('canvas');
  canvas.width = pixels.width;
  canvas.height = pixels.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.putImageData(new ImageData(pixels.data, pixels.width, pixels.height), 0, 0);
  return canvas.toDataURL('image/png');
}

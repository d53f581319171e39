/**
 * The left panel: one switch per map layer, each followed by its legend while it is on.
 */
import { useMemo, type ReactNode } from 'react';
import type { NetworkClass, RegionLayerName, RegionLayers } from '../../lib/api-types';
import { regionExportUrl } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { FacilityCategoryId } from '../../lib/standards';
import type { LayerToggles, PopulationMode } from '../../map/deck-layers';
import type { DotScale } from '../../map/map-rows';
import {
  CommunityTypeLegend,
  DensityLegend,
  DotsLegend,
  FacilityCategoryLegend,
  NetworkLegend,
} from '../legend/legends';
import { ExportLinks } from '../export/export-links';
import { useSession } from '../session/use-session';
import { BasemapList } from './basemap-list';
import { LayerIcon } from './layer-icon';
import type { BasemapDisplayState } from './use-basemap-display';
import { Button } from '../../ui/button';
import { Panel } from '../../ui/panel';
import { SegmentedControl } from '../../ui/segmented-control';
import { Spinner } from '../../ui/spinner';
import { Switch } from '../../ui/switch';
import './layer-panel.css';

export interface LayerPanelProps {
  /** The region shown (for export links), null while none is loaded. */
  regionId: string | null;
  data: Partial<RegionLayers>;
  pending: ReadonlySet<RegionLayerName>;
  toggles: LayerToggles;
  onToggle: (layer: keyof LayerToggles) => void;
  populationMode: PopulationMode;
  onPopulationMode: (mode: PopulationMode) => void;
  hiddenCategories: ReadonlySet<string>;
  onToggleCategory: (category: FacilityCategoryId) => void;
  onShowAllCategories: () => void;
  dotScale: DotScale;
  /** Opens the import wizard; no button without it. */
  onImport?: () => void;
  /** The region's base maps and how they are shown. */
  basemaps?: BasemapDisplayState;
  /** Rows of layers other features keep (the service areas), after the region's own. */
  extraRows?: ReactNode;
}

const POPULATION_MODES: readonly PopulationMode[] = ['density', 'dots'];

export function LayerPanel(props: LayerPanelProps) {
  const { data, pending, toggles, onToggle, populationMode, onPopulationMode } = props;
  const { t } = useI18n();
  const { can } = useSession();
  const networkClasses = useMemo(
    () => new Set<NetworkClass>((data.network?.features ?? []).map((edge) => edge.properties.class)),
    [data.network],
  );

  const row = (
    layer: keyof LayerToggles,
    source: RegionLayerName | null,
    count: number | undefined,
    legend: ReactNode,
  ) => {
    const loading = source !== null && pending.has(source);
    const inputId = `layer-toggle-${layer}`;
    return (
      <li className={`layer-row${toggles[layer] ? ' is-on' : ''}`} key={layer}>
        <div className="layer-head">
          <Switch id={inputId} checked={toggles[layer]} onChange={() => onToggle(layer)} />
          <label htmlFor={inputId} className="layer-label">
            <LayerIcon layer={layer} />
            <span className="layer-name">{t(`layers.${layer}`)}</span>
          </label>
          <span className="layer-meta">
            {loading ? (
              <Spinner label={t('layers.loading')} />
            ) : count !== undefined ? (
              t('layers.count', { n: formatCount(count) ?? '' })
            ) : null}
          </span>
        </div>
        {toggles[layer] && legend && !loading && <div className="layer-body">{legend}</div>}
      </li>
    );
  };

  return (
    <Panel name="layer-panel" titleId="layer-panel-title" title={t('layers.title')} titleHidden>
      <ul className="layer-list">
        {row('streets', 'streets', data.streets?.features.length, null)}
        {row(
          'communities',
          'communities',
          data.communities?.features.length,
          data.communities && <CommunityTypeLegend communities={data.communities.features} />,
        )}
        {row(
          'facilities',
          'facilities',
          data.facilities?.features.length,
          data.facilities && (
            <FacilityCategoryLegend
              facilities={data.facilities.features}
              hiddenCategories={props.hiddenCategories}
              onToggleCategory={props.onToggleCategory}
              onShowAll={props.onShowAllCategories}
            />
          ),
        )}
        {row(
          'population',
          'units',
          undefined,
          <>
            <SegmentedControl<PopulationMode>
              label={t('layers.population')}
              value={populationMode}
              options={POPULATION_MODES.map((mode) => ({ value: mode, label: t(`population.${mode}`) }))}
              onChange={onPopulationMode}
            />
            {populationMode === 'density' ? <DensityLegend /> : <DotsLegend dotScale={props.dotScale} />}
          </>,
        )}
        {row(
          'network',
          'network',
          undefined,
          data.network && <NetworkLegend presentClasses={networkClasses} />,
        )}
        {row('labels', null, undefined, null)}
        {props.extraRows}
      </ul>
      {props.regionId && props.basemaps && <BasemapList regionId={props.regionId} state={props.basemaps} />}
      {props.onImport && can('import') && (
        <Button variant="quiet" className="import-open" testId="import-open" onClick={props.onImport}>
          {t('import.open')}
        </Button>
      )}
      {props.regionId && can('export') && <LayerExports regionId={props.regionId} />}
    </Panel>
  );
}

/** Layers an analyst can download, in the order of the panel (communities carry their metrics). */
const EXPORTED_LAYERS = ['streets', 'communities', 'facilities', 'units', 'network'] as const;

function LayerExports({ regionId }: { regionId: string }) {
  const { t } = useI18n();
  return (
    <div className="layer-exports" data-testid="layer-exports">
      <h3 className="export-title">{t('export.title')}</h3>
      {EXPORTED_LAYERS.map((layer) => (
        <ExportLinks
          key={layer}
          testId={`export-${layer}`}
          label={t(layer === 'units' ? 'layers.population' : `layers.${layer}`)}
          hrefFor={(format) => regionExportUrl(regionId, layer, format)}
        />
      ))}
    </div>
  );
}

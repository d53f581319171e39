/**
 * The application shell: header, layer panel (left), map, attribute panel (right).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AttributePanel } from '../features/attribute-panel/attribute-panel';
import { LayerPanel } from '../features/layer-panel/layer-panel';
import { NoticeStack } from '../features/notices/notice-stack';
import { SyntheticMark } from '../features/region/synthetic-mark';
import { useI18n } from '../lib/i18n';
import type { FacilityCategoryId } from '../lib/standards';
import type { LayerToggles, PopulationMode, Selection } from '../map/deck-layers';
import { populationDotScale } from '../map/map-rows';
import { MapView } from '../map/map-view';
import { Header } from './header';
import { useRegionLayers } from './use-region-layers';
import { useRegions } from './use-regions';

const INITIAL_TOGGLES: LayerToggles = {
  streets: true,
  communities: true,
  facilities: true,
  population: false,
  network: false,
  labels: true,
};

/** The region named in the address (`?region=…`), so a view can be shared. */
function regionFromAddress(): string | null {
  return new URLSearchParams(window.location.search).get('region');
}

export function App() {
  const { t } = useI18n();
  const { regions, failed } = useRegions();
  const [requestedRegionId, setRequestedRegionId] = useState<string | null>(regionFromAddress);
  const region = useMemo(
    () => regions?.find((candidate) => candidate.id === requestedRegionId) ?? regions?.[0] ?? null,
    [regions, requestedRegionId],
  );
  const { data, pending } = useRegionLayers(region?.id ?? null);
  const [toggles, setToggles] = useState<LayerToggles>(INITIAL_TOGGLES);
  const [populationMode, setPopulationMode] = useState<PopulationMode>('density');
  const [hiddenCategories, setHiddenCategories] = useState<ReadonlySet<string>>(() => new Set());
  const [selection, setSelection] = useState<Selection>(null);

  const changeRegion = useCallback((regionId: string) => {
    setRequestedRegionId(regionId);
    const url = new URL(window.location.href);
    url.searchParams.set('region', regionId);
    window.history.replaceState(null, '', url);
  }, []);

  // A new region starts with nothing selected and every category shown.
  useEffect(() => {
    setSelection(null);
    setHiddenCategories(new Set());
  }, [region?.id]);

  // Escape closes the attribute panel's selection.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setSelection(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const toggleLayer = useCallback(
    (layer: keyof LayerToggles) => setToggles((previous) => ({ ...previous, [layer]: !previous[layer] })),
    [],
  );
  const toggleCategory = useCallback((category: FacilityCategoryId) => {
    setHiddenCategories((previous) => {
      const next = new Set(previous);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });
  }, []);
  const showAllCategories = useCallback(() => setHiddenCategories(new Set()), []);

  const dotScale = useMemo(() => populationDotScale(data.units?.features ?? []), [data.units]);
  const loading = region !== null && pending.size > 0;

  return (
    <div className="app">
      <Header regions={regions} region={region} onRegionChange={changeRegion} />
      <div className="workspace">
        <aside className="sidebar sidebar-left">
          <LayerPanel
            data={data}
            pending={pending}
            toggles={toggles}
            onToggle={toggleLayer}
            populationMode={populationMode}
            onPopulationMode={setPopulationMode}
            hiddenCategories={hiddenCategories}
            onToggleCategory={toggleCategory}
            onShowAllCategories={showAllCategories}
            dotScale={dotScale}
          />
        </aside>
        <main className="map-area">
          <MapView
            region={region}
            data={data}
            toggles={toggles}
            populationMode={populationMode}
            hiddenCategories={hiddenCategories}
            selection={selection}
            onSelect={setSelection}
            dotScale={dotScale}
          />
          <div className="map-overlay-top-left">
            {region?.synthetic && <SyntheticMark />}
            {loading && <div className="map-loading">{t('map.loading')}</div>}
            {regions && regions.length === 0 && <div className="map-loading">{t('region.none')}</div>}
            {failed && !regions && <div className="map-loading">{t('error.network')}</div>}
          </div>
          <NoticeStack />
        </main>
        <aside className="sidebar sidebar-right">
          <AttributePanel region={region} data={data} selection={selection} onSelect={setSelection} />
        </aside>
      </div>
    </div>
  );
}

/**
 * The application shell: header, left panel (layers, the accessibility analysis, or boundary
 * scenarios), map, attribute panel (right; a scenario community's figures on the scenarios tab).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AccessibilityPanel } from '../features/accessibility/accessibility-panel';
import { useAccessibility, type AnalysedScenario } from '../features/accessibility/use-accessibility';
import { useMapAnalysis } from '../features/accessibility/use-map-analysis';
import { AttributePanel } from '../features/attribute-panel/attribute-panel';
import { DashboardView } from '../features/dashboard/dashboard-view';
import { AdministrationView } from '../features/session/administration-view';
import { ImportWizard } from '../features/import/import-wizard';
import { useImportWizard } from '../features/import/use-import-wizard';
import { LayerPanel } from '../features/layer-panel/layer-panel';
import { useLiveEvents } from '../features/live/use-live-events';
import { useSession } from '../features/session/use-session';
import { useBasemapDisplay } from '../features/layer-panel/use-basemap-display';
import { NoticeStack } from '../features/notices/notice-stack';
import { MetricsPanel } from '../features/scenarios/metrics-panel';
import { ScenarioPanel } from '../features/scenarios/scenario-panel';
import { useAnalysedScenario } from '../features/scenarios/use-analysed-scenario';
import { useScenarioEditor } from '../features/scenarios/use-scenario-editor';
import { useScenarioMap } from '../features/scenarios/use-scenario-map';
import { SyntheticMark } from '../features/region/synthetic-mark';
import { ServiceAreasLayerRow } from '../features/service-areas/service-areas-section';
import { useServiceAreas } from '../features/service-areas/use-service-areas';
import { SitingPanel } from '../features/siting/siting-panel';
import { sitingTargetOf, useSiting } from '../features/siting/use-siting';
import { useJudging } from '../features/standards/use-judging';
import { useI18n } from '../lib/i18n';
import { queryKeys } from '../lib/query-keys';
import type { FacilityCategoryId } from '../lib/standards';
import type { LayerToggles, PopulationMode, Selection } from '../map/deck-layers';
import { populationDotScale } from '../map/map-rows';
import { CameraLink } from '../map/camera-link';
import { MapView } from '../map/map-view';
import type { MapClickOrigin, ZoomRequest } from '../map/map-view-types';
import { polygonBbox } from '../map/geometry';
import { buildImportPreviewLayer } from '../map/import-preview-layer';
import { previewBbox } from '../features/import/import-choices';
import { OPENED_ADDRESS, writeAddress, type SidebarTab } from '../lib/address';
import { useLeaveGuard } from '../features/scenarios/use-leave-guard';
import { Header } from './header';
import { useAddressFollowsView } from './use-address-follows-view';
import { useRegionLayers } from './use-region-layers';
import { useRegions } from './use-regions';
import './app.css';

const NO_SELECTION = () => undefined;
const NO_ORIGIN = () => undefined;

const INITIAL_TOGGLES: LayerToggles = {
  streets: true,
  communities: true,
  facilities: true,
  population: false,
  network: false,
  labels: true,
};

/** The screen the address names: `#/dashboard` is the leaders' dashboard, anything else the map. */
export type AppView = 'map' | 'dashboard' | 'administration';
const VIEW_HASHES: Readonly<Record<Exclude<AppView, 'map'>, string>> = {
  dashboard: '#/dashboard',
  administration: '#/administration',
};

function viewFromAddress(): AppView {
  if (window.location.hash === VIEW_HASHES.dashboard) return 'dashboard';
  if (window.location.hash === VIEW_HASHES.administration) return 'administration';
  return 'map';
}

export function App() {
  const { t } = useI18n();
  const { regions, failed, reload: reloadRegions } = useRegions();
  const [requestedRegionId, setRequestedRegionId] = useState<string | null>(OPENED_ADDRESS.region);
  const region = useMemo(
    () => regions?.find((candidate) => candidate.id === requestedRegionId) ?? regions?.[0] ?? null,
    [regions, requestedRegionId],
  );
  const { data, pending } = useRegionLayers(region?.id ?? null);
  const queryClient = useQueryClient();
  const [importOpen, setImportOpen] = useState(false);
  const changeRegion = useCallback((regionId: string) => {
    setRequestedRegionId(regionId);
    // Another region: the scenario and the view of the last one do not apply.
    writeAddress({ region: regionId, scenario: null, at: null });
  }, []);

  // A region an import created is shown at once, with the wizard kept open for its next layer.
  const keepImportOpenForRegion = useRef<string | null>(null);
  const onImportCommitted = useCallback(
    (regionId: string, createdRegion: boolean) => {
      if (createdRegion) {
        keepImportOpenForRegion.current = regionId;
        void reloadRegions();
        changeRegion(regionId);
      } else {
        // Everything read about the region may have changed (layers, coverage, scenarios' baselines).
        void queryClient.invalidateQueries({ queryKey: queryKeys.regionScope(regionId) });
      }
    },
    [reloadRegions, changeRegion, queryClient],
  );
  const regionIds = useMemo(() => regions?.map((candidate) => candidate.id) ?? [], [regions]);
  const importWizard = useImportWizard({
    regionId: region?.id ?? null,
    regionIds,
    onCommitted: onImportCommitted,
  });
  const [toggles, setToggles] = useState<LayerToggles>(INITIAL_TOGGLES);
  const basemaps = useBasemapDisplay(region?.id ?? null);
  const [populationMode, setPopulationMode] = useState<PopulationMode>('density');
  const [hiddenCategories, setHiddenCategories] = useState<ReadonlySet<string>>(() => new Set());
  const [selection, setSelection] = useState<Selection>(null);
  const [sidebarTab, setSidebarTab] = useState<SidebarTab>(OPENED_ADDRESS.tab);
  const [zoomTo, setZoomTo] = useState<ZoomRequest | null>(null);
  const [view, setView] = useState<AppView>(viewFromAddress);
  useEffect(() => {
    const onHashChange = () => setView(viewFromAddress());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const changeView = useCallback((next: AppView) => {
    // The hash keeps the dashboard shareable and the browser's back button working.
    window.location.hash = next === 'map' ? '' : VIEW_HASHES[next];
    setView(next);
  }, []);
  // Set from the scenario editor below: with a scenario open, the analyses are the scenario's.
  const [analysedScenario, setAnalysedScenario] = useState<AnalysedScenario | null>(null);
  const accessibility = useAccessibility(
    region?.id ?? null,
    sidebarTab === 'accessibility',
    analysedScenario,
  );
  const analysis = useMapAnalysis(accessibility, data, sidebarTab === 'accessibility');
  // The judging every screen shows: the region's stored profile (or one picked to compare), with
  // the accessibility panel's walking speed and tiers.
  const judgingState = useJudging(region, accessibility.speedMetersPerSecond, accessibility.tierOverrides);
  const scenarioEditor = useScenarioEditor(
    region?.id ?? null,
    data,
    // Siting runs on the open scenario and adopts into it (or a new one): the list is read there too.
    sidebarTab === 'scenarios' || sidebarTab === 'siting',
    judgingState.judging,
  );
  useAddressFollowsView(region?.id ?? null, sidebarTab, scenarioEditor);
  useLeaveGuard(scenarioEditor.pendingCount > 0);
  useLiveEvents(region?.id ?? null, scenarioEditor.openSummary?.id ?? null, useSession().session.user);
  const openScenarioAnalysed = useAnalysedScenario(scenarioEditor);
  useEffect(() => setAnalysedScenario(openScenarioAnalysed), [openScenarioAnalysed]);
  const siting = useSiting(region?.id ?? null, scenarioEditor, sidebarTab === 'siting');
  const sitingTarget = sitingTargetOf(scenarioEditor);
  const serviceAreaScenario = useMemo(
    () =>
      sitingTarget.scenarioId === null
        ? null
        : { id: sitingTarget.scenarioId, name: sitingTarget.name ?? '', version: sitingTarget.version ?? 1 },
    [sitingTarget.scenarioId, sitingTarget.name, sitingTarget.version],
  );
  const serviceAreas = useServiceAreas(region?.id ?? null, serviceAreaScenario, data.units?.features);
  const scenarioMap = useScenarioMap(
    scenarioEditor,
    sidebarTab === 'scenarios',
    sidebarTab === 'accessibility',
  );
  // Side by side: the other side's communities (and labels) on a second map kept on the same view.
  const [cameraLink] = useState(() => new CameraLink());
  const otherCommunities = scenarioMap.otherSide?.communities ?? null;
  const otherSideData = useMemo(
    () =>
      otherCommunities
        ? { ...data, communities: { type: 'FeatureCollection' as const, features: otherCommunities } }
        : null,
    [data, otherCommunities],
  );
  // While a scenario is open the map shows its communities, and picking one makes it the edited one.
  const scenarioCommunities = scenarioMap.communities;
  const scenarioFacilities = scenarioMap.facilities;
  const mapData = useMemo(
    () => ({
      ...data,
      ...(scenarioCommunities && {
        communities: { type: 'FeatureCollection' as const, features: scenarioCommunities },
      }),
      ...(scenarioFacilities && {
        facilities: { type: 'FeatureCollection' as const, features: scenarioFacilities },
      }),
    }),
    [data, scenarioCommunities, scenarioFacilities],
  );
  const setScenarioActive = scenarioEditor.setActiveId;
  const scenarioOpen = scenarioMap.map !== null;
  const mapSelection = useMemo<Selection>(
    () =>
      !scenarioOpen
        ? selection
        : // While editing, the scenario layers outline the edited community live; the saved outline would lag.
          scenarioEditor.activeId && scenarioEditor.mode === 'compare'
          ? { kind: 'community', id: scenarioEditor.activeId }
          : null,
    [scenarioOpen, scenarioEditor.activeId, scenarioEditor.mode, selection],
  );
  const selectOnMap = useCallback(
    (next: Selection) => {
      if (!scenarioOpen) setSelection(next);
      else if (next?.kind === 'community') setScenarioActive(next.id);
    },
    [scenarioOpen, setScenarioActive],
  );
  const setIsochroneOrigin = accessibility.setOrigin;
  const startIsochrones = useCallback(
    (origin: MapClickOrigin) => setIsochroneOrigin(origin),
    [setIsochroneOrigin],
  );
  const showBbox = useCallback(
    (bbox: [number, number, number, number]) =>
      setZoomTo((previous) => ({ bbox, key: (previous?.key ?? 0) + 1 })),
    [],
  );
  const importFeatures = importOpen ? importWizard.preview?.features : undefined;
  const importLayers = useMemo(
    () =>
      importFeatures ? [buildImportPreviewLayer(importFeatures as unknown as GeoJSON.FeatureCollection)] : [],
    [importFeatures],
  );
  const overlayLayers = useMemo(
    () => [...serviceAreas.layers, ...siting.layers, ...(sidebarTab === 'layers' ? importLayers : [])],
    [serviceAreas.layers, siting.layers, sidebarTab, importLayers],
  );
  // A new preview is framed on the map, so points far off (swapped axes, wrong CRS) are seen.
  useEffect(() => {
    const bbox = importFeatures ? previewBbox(importFeatures.features) : null;
    if (bbox) showBbox(bbox);
  }, [importFeatures, showBbox]);
  const resetImport = importWizard.reset;
  const closeImport = useCallback(() => {
    setImportOpen(false);
    resetImport();
  }, [resetImport]);
  const communityFeatures = data.communities?.features;
  const showCommunity = useCallback(
    (communityId: string) => {
      const community = communityFeatures?.find((feature) => feature.properties.id === communityId);
      if (!community) return;
      setSelection({ kind: 'community', id: communityId });
      // A community without units has no outline: it is selected, the map stays where it is.
      if (community.geometry) showBbox(polygonBbox(community.geometry));
    },
    [communityFeatures, showBbox],
  );

  // A new region starts with nothing selected and every category shown.
  useEffect(() => {
    setSelection(null);
    setHiddenCategories(new Set());
    if (region?.id && region.id === keepImportOpenForRegion.current) keepImportOpenForRegion.current = null;
    else if (!keepImportOpenForRegion.current) closeImport();
  }, [region?.id, closeImport]);

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
      <Header
        regions={regions}
        region={region}
        onRegionChange={changeRegion}
        view={view}
        onViewChange={changeView}
        judging={judgingState}
      />
      {view === 'administration' ? (
        <main className="dashboard-area">
          <AdministrationView onClose={() => changeView('map')} />
          <NoticeStack />
        </main>
      ) : view === 'dashboard' ? (
        <main className="dashboard-area">
          <DashboardView region={region} judging={judgingState.judging} basemaps={basemaps.displays} />
          <NoticeStack />
        </main>
      ) : (
        <div className="workspace">
          <aside
            className={`sidebar sidebar-left${sidebarTab !== 'layers' || importOpen || serviceAreas.on ? ' is-wide' : ''}${sidebarTab === 'layers' && importOpen ? ' is-import' : ''}`}
          >
            <div className="sidebar-tabs" role="tablist" aria-label={t('sidebar.tabs')}>
              {(['layers', 'accessibility', 'scenarios', 'siting'] as const).map((tab) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  aria-selected={sidebarTab === tab}
                  className={`sidebar-tab${sidebarTab === tab ? ' is-active' : ''}`}
                  data-testid={`sidebar-tab-${tab}`}
                  onClick={() => setSidebarTab(tab)}
                >
                  <TabIcon tab={tab} />
                  {t(`sidebar.${tab}`)}
                </button>
              ))}
            </div>
            {sidebarTab === 'scenarios' ? (
              <ScenarioPanel editor={scenarioEditor} data={data} />
            ) : sidebarTab === 'siting' ? (
              <SitingPanel state={siting} />
            ) : sidebarTab === 'accessibility' ? (
              <AccessibilityPanel
                state={accessibility}
                data={data}
                onShowCommunity={showCommunity}
                onShowBbox={showBbox}
              />
            ) : importOpen ? (
              <ImportWizard
                wizard={importWizard}
                region={region}
                regions={regions ?? []}
                onClose={closeImport}
                onBasemapStored={basemaps.refresh}
              />
            ) : (
              <LayerPanel
                regionId={region?.id ?? null}
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
                onImport={() => setImportOpen(true)}
                basemaps={basemaps}
                extraRows={<ServiceAreasLayerRow state={serviceAreas} />}
              />
            )}
          </aside>
          <main className={`map-area${scenarioMap.otherSide ? ' is-side-by-side' : ''}`}>
            {scenarioMap.otherSide && (
              <div className="map-side map-side-other" data-testid="map-side-other">
                <MapView
                  secondary
                  cameraLink={cameraLink}
                  caption={scenarioMap.otherSide.name}
                  basemaps={basemaps.displays}
                  region={region}
                  data={otherSideData!}
                  toggles={toggles}
                  populationMode={populationMode}
                  hiddenCategories={hiddenCategories}
                  selection={null}
                  onSelect={NO_SELECTION}
                  dotScale={dotScale}
                  analysis={null}
                  onIsochroneOrigin={NO_ORIGIN}
                  zoomTo={null}
                />
              </div>
            )}
            <MapView
              cameraLink={scenarioMap.otherSide ? cameraLink : null}
              caption={scenarioMap.otherSide?.mainName ?? null}
              basemaps={basemaps.displays}
              region={region}
              data={mapData}
              toggles={toggles}
              populationMode={populationMode}
              hiddenCategories={hiddenCategories}
              selection={mapSelection}
              onSelect={selectOnMap}
              dotScale={dotScale}
              analysis={analysis}
              onIsochroneOrigin={startIsochrones}
              zoomTo={zoomTo}
              scenario={scenarioMap.map}
              overlayLayers={overlayLayers}
              hideCommunityFill={serviceAreas.layers.length > 0}
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
            {sidebarTab === 'scenarios' ? (
              <MetricsPanel editor={scenarioEditor} data={data} />
            ) : (
              <AttributePanel
                region={region}
                data={data}
                selection={selection}
                onSelect={setSelection}
                judging={judgingState.judging}
              />
            )}
          </aside>
        </div>
      )}
    </div>
  );
}

function TabIcon({ tab }: { tab: SidebarTab }) {
  if (tab === 'siting') {
    return (
      <svg viewBox="0 0 16 16" className="tab-icon" aria-hidden="true">
        <path d="M8 14.5 C8 14.5 3 9.6 3 6.2 A5 5 0 0 1 13 6.2 C13 9.6 8 14.5 8 14.5 Z" />
        <circle cx="8" cy="6.2" r="1.8" />
      </svg>
    );
  }
  if (tab === 'scenarios') {
    return (
      <svg viewBox="0 0 16 16" className="tab-icon" aria-hidden="true">
        <path d="M1.5 2.5 L8 2.5 L8 8 L14.5 8 L14.5 13.5 L1.5 13.5 Z" />
        <path d="M8 8 L8 13.5" strokeDasharray="1.6 1.4" />
        <path d="M1.5 8 L8 8" strokeDasharray="1.6 1.4" />
      </svg>
    );
  }
  return tab === 'layers' ? (
    <svg viewBox="0 0 16 16" className="tab-icon" aria-hidden="true">
      <path d="M8 2 L14.5 5.5 L8 9 L1.5 5.5 Z" />
      <path d="M1.5 8.5 L8 12 L14.5 8.5" />
    </svg>
  ) : (
    <svg viewBox="0 0 16 16" className="tab-icon" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" />
      <circle cx="8" cy="8" r="3.8" />
      <circle cx="8" cy="8" r="1.2" className="tab-icon-core" />
    </svg>
  );
}

/**
 * What the map shows while the scenarios screen is open: the scenario's communities as the server
 * has them (type colours, labels), failing communities outlined in red by the live judgement, units
 * painted since the last save recoloured by their new community, the edited community's units and
 * live outline (from the units it holds, before the server's geometry arrives on save), and in
 * the comparison the other side under the swipe with the units that changed community.
 */
import { useMemo } from 'react';
import { NO_SURVEYED_FIGURES } from '../../../../core/standards/community-figures';
import type {
  CommunityFeature,
  FacilityFeature,
  Position,
  ScenarioCommunityCollection,
  UnitFeature,
} from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import type { ScenarioMapInput } from '../../map/map-view-types';
import { buildLayerEditLayers } from '../../map/layer-edit-layers';
import { buildScenarioLayers, type PendingUnitRow } from '../../map/scenario-layers';
import { facilityFeaturesOf, layerEditRows, scenarioFacilityRows } from './scenario-layer-state';
import { buildUnitEdges, outlineSegments } from './unit-edges';
import type { ScenarioEditor } from './use-scenario-editor';

/** The API's scenario communities in the shape the map's communities layer and labels read. */
export function communityFeatures(collection: ScenarioCommunityCollection | null): CommunityFeature[] {
  if (!collection) return [];
  const features: CommunityFeature[] = [];
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    const p = feature.properties;
    features.push({
      type: 'Feature',
      id: p.id,
      geometry: feature.geometry,
      properties: {
        id: p.id,
        name: p.name,
        nameEn: p.nameEn || p.name,
        type: p.type,
        streetId: p.streetId,
        streetName: '',
        residents: p.residents,
        households: p.households,
        areaSquareKilometers: p.areaSquareKilometers,
        ...NO_SURVEYED_FIGURES,
        isTownshipSeat: false,
      },
    });
  }
  return features;
}

/** The other side of a side-by-side comparison: its communities (and so its labels) on a map of its own. */
export interface OtherSide {
  communities: CommunityFeature[];
  /** The baseline's or the other scenario's name. */
  name: string;
  /** The open scenario's name, over the main map. */
  mainName: string;
}

export interface ScenarioMapState {
  /** Replaces the region's communities on the map while a scenario is open. */
  communities: CommunityFeature[] | null;
  /** Replaces the region's facilities on the map while a scenario is open (its added, moved, changed ones). */
  facilities: FacilityFeature[] | null;
  map: ScenarioMapInput | null;
  /** Set while the comparison is shown side by side. */
  otherSide: OtherSide | null;
}

/**
 * @param active whether the scenarios tab is shown (its layers and tools are on the map then)
 * @param analysing whether another tab analyses the open scenario (its communities and facilities
 *   are then on the map, as the analyses read them)
 */
export function useScenarioMap(editor: ScenarioEditor, active: boolean, analysing = false): ScenarioMapState {
  const { t } = useI18n();
  const {
    session,
    revision,
    savedCommunities,
    judgeContext,
    activeId,
    mode,
    unitIndex,
    compare,
    adviceHighlight,
  } = editor;
  const open = active && session !== null && unitIndex !== null;
  const shown = (active || analysing) && session !== null && unitIndex !== null;

  const communities = useMemo(
    () => (shown ? communityFeatures(savedCommunities) : null),
    [shown, savedCommunities],
  );
  const otherCommunities = useMemo(
    () => (open && mode === 'compare' ? communityFeatures(compare.others) : null),
    [open, mode, compare.others],
  );

  // One array per region: the map sets the grid's data only when the region changes.
  const allUnits = useMemo(
    () => (unitIndex ? unitIndex.features.filter((feature): feature is UnitFeature => feature !== null) : []),
    [unitIndex],
  );

  const edges = useMemo(() => (unitIndex ? buildUnitEdges(unitIndex.features) : null), [unitIndex]);

  // The scenario's facilities and paths now (saved and pending), with what changed.
  const selectedFacilityId = editor.selectedFacilityId;
  const layerEdits = useMemo(() => {
    void revision;
    if (!shown || !session) return null;
    const context = session.layerContext;
    const rows = scenarioFacilityRows(context.regionFacilities, session.layers);
    const selected = selectedFacilityId ? session.facility(selectedFacilityId) : null;
    return {
      facilities: facilityFeaturesOf(rows),
      layers: buildLayerEditLayers({
        ...layerEditRows(rows, session.layers, context.edgeLines),
        selectedFacility:
          mode === 'edit' && editor.tool === 'edit-facility' ? (selected?.position ?? null) : null,
      }),
    };
    // `revision` stands for every in-place change of the session's layers.
  }, [shown, session, revision, selectedFacilityId, mode, editor.tool]);

  const layers = useMemo(() => {
    if (!open || !session || !unitIndex) return null;
    const evaluator = session.evaluator;
    const features = unitIndex.features;
    const editing = mode === 'edit';
    const failingIds = new Set(
      evaluator
        .communityIds()
        .filter(
          (id) =>
            judgeContext !== null && evaluator.judge(id, judgeContext).some((rule) => rule.status === 'fail'),
        ),
    );
    const failingCommunities = editing
      ? (communities ?? []).filter((feature) => failingIds.has(feature.properties.id))
      : [];
    const pendingUnits: PendingUnitRow[] = [];
    if (editing) {
      for (const unit of session.changedUnits()) {
        const feature = features[unit];
        if (!feature) continue;
        const communityId = evaluator.communityOfUnit(session.region.units[unit].id);
        pendingUnits.push({ feature, type: evaluator.communityRecord(communityId).type });
      }
    }
    const activeUnits: UnitFeature[] = [];
    let activeOutline: [Position, Position][] = [];
    if (editing && activeId && evaluator.hasCommunity(activeId) && edges) {
      const communityByUnit = evaluator.communityIdsByUnit();
      activeOutline = outlineSegments(edges, (unit) => communityByUnit[unit] === activeId);
      for (const unitId of evaluator.unitsOf(activeId)) {
        const feature = features[session.region.unitIndexById.get(unitId)!];
        if (feature) activeUnits.push(feature);
      }
    }
    const movedUnits: UnitFeature[] = [];
    if (!editing && compare.showMoved && compare.result) {
      for (const moved of compare.result.movedUnits) {
        const index = session.region.unitIndexById.get(moved.id);
        const feature = index === undefined ? null : features[index];
        if (feature) movedUnits.push(feature);
      }
    }
    // While editing, the same layer marks the units an advice points at (a proposed split's parts).
    if (editing && adviceHighlight) {
      for (const unitId of adviceHighlight) {
        const index = session.region.unitIndexById.get(unitId);
        const feature = index === undefined ? null : features[index];
        if (feature) movedUnits.push(feature);
      }
    }
    const built = buildScenarioLayers({
      pendingUnits,
      activeUnits,
      activeOutline,
      failingCommunities,
      movedUnits,
      revision,
    });
    return { below: built.below, above: [...built.above, ...(layerEdits?.layers ?? [])] };
    // `revision` stands for every in-place change of the session's evaluator.
  }, [
    open,
    session,
    unitIndex,
    edges,
    mode,
    judgeContext,
    activeId,
    communities,
    compare.showMoved,
    compare.result,
    adviceHighlight,
    revision,
    layerEdits,
  ]);
  const unitGrid = open && mode === 'edit' ? allUnits : null;

  const withName =
    compare.withId === 'baseline'
      ? t('scenario.baseline')
      : (editor.scenarios?.find((scenario) => scenario.id === compare.withId)?.name ?? compare.withId);
  const sideBySide = open && mode === 'compare' && compare.layout === 'side-by-side';
  const swipe = useMemo(
    () =>
      open && mode === 'compare' && otherCommunities && !sideBySide
        ? {
            fraction: compare.swipeFraction,
            onFraction: compare.setSwipeFraction,
            others: otherCommunities,
            leftLabel: withName,
            rightLabel: editor.openSummary?.name ?? '',
          }
        : null,
    [
      open,
      mode,
      otherCommunities,
      sideBySide,
      compare.swipeFraction,
      compare.setSwipeFraction,
      withName,
      editor.openSummary,
    ],
  );

  const map = useMemo(
    (): ScenarioMapInput | null =>
      open && layers
        ? { layers, unitGrid, tool: editor.drawing.tool, callbacks: editor.drawing.callbacks, swipe }
        : null,
    [open, layers, unitGrid, editor.drawing, swipe],
  );
  const otherSide = useMemo(
    (): OtherSide | null =>
      sideBySide && otherCommunities
        ? { communities: otherCommunities, name: withName, mainName: editor.openSummary?.name ?? '' }
        : null,
    [sideBySide, otherCommunities, withName, editor.openSummary],
  );
  return { communities, facilities: layerEdits?.facilities ?? null, map, otherSide };
}

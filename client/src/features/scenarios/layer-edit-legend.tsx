/**
 * The legend of the scenario's facility and path changes on the map (map/layer-edit-layers.ts),
 * shown while a facility or path tool is chosen or the scenario has such changes; each entry with
 * how many there are now (saved and pending).
 */
import { formatCount } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import {
  ADDED_FACILITY_RING,
  ADDED_PATH_LINE,
  CHANGED_FACILITY_RING,
  CLOSED_PATH_LINE,
  REMOVED_FACILITY_FILL,
  REMOVED_FACILITY_STRIKE,
  cssColour,
  type Rgba,
} from '../../map/colours';
import { Section } from '../../ui/section';
import '../legend/legends.css';
import type { ScenarioLayers } from './scenario-layer-state';
import { facilityChangeKinds } from '../../../../core/scenario/scenario-layers';
import type { FacilityRecord } from './scenario-layer-state';

const rgb = (colour: Rgba): [number, number, number] => [colour[0], colour[1], colour[2]];

interface Entry {
  key: MessageKey;
  count: number;
  swatch: React.CSSProperties;
  testId: string;
}

/** How many of each kind of change the layers hold. */
export function layerChangeCounts(
  regionFacilities: ReadonlyMap<string, FacilityRecord>,
  layers: ScenarioLayers,
): { added: number; changed: number; removed: number; addedPaths: number; closedPaths: number } {
  const counts = { added: 0, changed: 0, removed: 0, addedPaths: 0, closedPaths: 0 };
  for (const kind of facilityChangeKinds(regionFacilities, layers.facilities).values()) {
    if (kind === 'added') counts.added += 1;
    else if (kind === 'removed') counts.removed += 1;
    else counts.changed += 1;
  }
  counts.addedPaths = layers.paths.added.length;
  counts.closedPaths = layers.paths.closedEdgeIds.length;
  return counts;
}

export function LayerEditLegend({
  regionFacilities,
  layers,
}: {
  regionFacilities: ReadonlyMap<string, FacilityRecord>;
  layers: ScenarioLayers;
}) {
  const { t } = useI18n();
  const counts = layerChangeCounts(regionFacilities, layers);
  const ring = (colour: Rgba) => ({
    background: 'transparent',
    borderColor: cssColour(rgb(colour)),
    borderRadius: '50%',
    borderWidth: 2,
  });
  const line = (colour: Rgba, dashed: boolean) => ({
    background: 'transparent',
    border: 'none',
    borderTop: `3px ${dashed ? 'dashed' : 'solid'} ${cssColour(rgb(colour))}`,
    height: 0,
  });
  const entries: Entry[] = [
    {
      key: 'scenario.legend.addedFacility',
      count: counts.added,
      swatch: ring(ADDED_FACILITY_RING),
      testId: 'legend-added-facility',
    },
    {
      key: 'scenario.legend.changedFacility',
      count: counts.changed,
      swatch: ring(CHANGED_FACILITY_RING),
      testId: 'legend-changed-facility',
    },
    {
      key: 'scenario.legend.removedFacility',
      count: counts.removed,
      swatch: {
        background: cssColour(rgb(REMOVED_FACILITY_FILL)),
        borderColor: cssColour(rgb(REMOVED_FACILITY_STRIKE)),
        borderRadius: '50%',
      },
      testId: 'legend-removed-facility',
    },
    {
      key: 'scenario.legend.addedPath',
      count: counts.addedPaths,
      swatch: line(ADDED_PATH_LINE, false),
      testId: 'legend-added-path',
    },
    {
      key: 'scenario.legend.closedPath',
      count: counts.closedPaths,
      swatch: line(CLOSED_PATH_LINE, true),
      testId: 'legend-closed-path',
    },
  ];
  return (
    <Section heading="h3" title={t('scenario.layerLegend')}>
      <ul className="legend-list" data-testid="layer-edit-legend">
        {entries.map((entry) => (
          <li key={entry.key} className="legend-item" data-testid={entry.testId} data-count={entry.count}>
            <span className="swatch swatch-area" style={entry.swatch} />
            <span className="legend-label">{t(entry.key)}</span>
            <span className="legend-count">{formatCount(entry.count)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/**
 * The isochrones view: minutes and method, the origin, the bands' residents (or network and radii
 * compared) and their downloads. A map click sets the origin (map/map-view.tsx).
 */
import { useMemo } from 'react';
import type { IsochroneCollection, RegionLayers, UnitFeature } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { multiPolygonBbox } from '../../map/geometry';
import { LabelledField } from '../../ui/labelled-field';
import { LoadingLine } from '../../ui/loading-line';
import { SegmentedControl } from '../../ui/segmented-control';
import { IsochroneExports } from './analysis-exports';
import { BandTable } from './band-table';
import { bandRows } from './band-rows';
import { ComparisonTable } from './comparison-table';
import { anyEstimatedUnitIn } from './estimated';
import { MinutesInput } from './minutes-input';
import { OriginCard } from './origin-card';
import type { AccessibilityState, IsochroneMethod } from './use-accessibility';

function collectionEstimated(collection: IsochroneCollection | null, units: readonly UnitFeature[]): boolean {
  if (!collection) return false;
  return anyEstimatedUnitIn(
    units,
    multiPolygonBbox(collection.features.flatMap((feature) => feature.geometry.coordinates)),
  );
}

export interface IsochroneSectionProps {
  state: AccessibilityState;
  data: Partial<RegionLayers>;
  onShowBbox: (bbox: [number, number, number, number]) => void;
}

export function IsochroneSection({ state, data, onShowBbox }: IsochroneSectionProps) {
  const { t } = useI18n();
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

  return (
    <div className="access-section">
      <MinutesInput minutes={state.minutes} onChange={state.setMinutes} />
      <LabelledField label={t('access.method')}>
        <SegmentedControl<IsochroneMethod>
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
      </LabelledField>

      {!origin ? (
        <p className="hint" data-testid="isochrone-hint">
          {t('access.clickHint')}
        </p>
      ) : (
        <OriginCard
          origin={origin}
          data={data}
          resultBbox={resultBbox}
          onShowBbox={onShowBbox}
          onClear={() => state.setOrigin(null)}
        />
      )}

      {origin &&
        state.regionId &&
        // The exports are the region's: a scenario's analyses are not exported from here.
        !state.scenario &&
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

      {isochrones.pending && <LoadingLine>{t('access.computing')}</LoadingLine>}

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

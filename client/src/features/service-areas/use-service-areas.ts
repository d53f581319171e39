/**
 * The service-areas layer's state: on or off, the category shown, and whose facilities (the open
 * scenario's at its saved version, else the region's); the answer read for them, its table rows and
 * the map layers with their hover text.
 */
import type { Layer } from '@deck.gl/core';
import { useMemo, useState } from 'react';
import type { UnitFeature } from '../../lib/api-types';
import { formatCount, formatNumber, formatShare } from '../../lib/format';
import { useI18n, type I18n } from '../../lib/i18n';
import type { FacilityCategoryId } from '../../lib/standards';
import type { ApiError } from '../../lib/api';
import { SERVICE_AREA_PALETTE } from '../../map/colours';
import {
  colourSlots,
  greyedUnitIds,
  loadClass,
  serviceAreaRows,
  type ServiceAreaRow,
} from './service-area-rows';
import {
  serviceAreasRead,
  type ServiceAreaProperties,
  type ServiceAreas,
  type ServiceAreasParams,
} from './service-areas-api';
import { buildServiceAreaLayers, type ServiceAreaShape } from './service-areas-layer';

/** The scenario whose facilities are served (the one open on the scenarios tab). */
export interface ServiceAreaScenario {
  id: string;
  name: string;
  version: number;
}

export interface ServiceAreasState {
  on: boolean;
  setOn: (on: boolean) => void;
  category: FacilityCategoryId;
  setCategory: (category: FacilityCategoryId) => void;
  /** What is read; null while no region is shown. */
  params: ServiceAreasParams | null;
  scenario: ServiceAreaScenario | null;
  answer: ServiceAreas | undefined;
  rows: ServiceAreaRow[];
  loading: boolean;
  error: ApiError | null;
  /** The layers to draw (none while off). */
  layers: Layer[];
}

const DEFAULT_CATEGORY: FacilityCategoryId = 'kindergarten';

/** A facility's figures in words, one per line (the map's hover text and the attribute view share them). */
export function facilityFigureLines(
  properties: ServiceAreaProperties,
  answer: ServiceAreas,
  t: I18n['t'],
  language: I18n['language'],
): string[] {
  const lines = [
    t('serviceAreas.units', { n: formatCount(properties.unitCount) ?? '0' }),
    t('serviceAreas.residents', { n: formatCount(properties.residents) ?? '0' }),
    `${t(`serviceAreas.demand.${answer.demandGroup}`)}：${formatNumber(properties.demand, 1)}`,
    properties.capacity === null
      ? t('serviceAreas.capacityUnknown')
      : t('serviceAreas.capacity', { n: formatCount(properties.capacity) ?? '0' }),
    properties.load === null
      ? t('serviceAreas.loadUnknown')
      : t('serviceAreas.load', { share: formatShare(properties.load) ?? '' }) +
        (properties.overCapacity ? ` ${t('serviceAreas.overloaded')}` : ''),
  ];
  if (properties.beyondTierUnitCount > 0 && answer.tierMinutes !== null)
    lines.push(
      t('serviceAreas.beyondTier', {
        n: formatCount(properties.beyondTierUnitCount) ?? '0',
        minutes: answer.tierMinutes,
      }),
    );
  lines.push(answer.demandRule[language]);
  return lines;
}

export function useServiceAreas(
  regionId: string | null,
  scenario: ServiceAreaScenario | null,
  units: readonly UnitFeature[] | undefined,
): ServiceAreasState {
  const { t, language } = useI18n();
  const [on, setOn] = useState(false);
  const [category, setCategory] = useState<FacilityCategoryId>(DEFAULT_CATEGORY);
  const params = useMemo<ServiceAreasParams | null>(
    () =>
      regionId
        ? { regionId, scenarioId: scenario?.id ?? null, version: scenario?.version ?? null, category }
        : null,
    [regionId, scenario?.id, scenario?.version, category],
  );
  const read = serviceAreasRead.use(on ? params : null);
  const answer = read.data;
  const rows = useMemo(() => (answer ? serviceAreaRows(answer.features) : []), [answer]);

  const layers = useMemo(() => {
    if (!on || !answer) return [];
    const slots = colourSlots(answer.features, SERVICE_AREA_PALETTE.length);
    const hover = (properties: ServiceAreaProperties) =>
      [properties.name, ...facilityFigureLines(properties, answer, t, language).slice(0, -1)].join('\n');
    const areas: ServiceAreaShape[] = answer.features.map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: {
        facilityId: feature.properties.facilityId,
        slot: slots.get(feature.properties.facilityId) ?? 0,
        loadClass: loadClass(feature.properties.load),
      },
      hoverText: hover(feature.properties),
    }));
    const greyed = greyedUnitIds(answer);
    const beyondTierUnits = (units ?? []).filter((unit) => greyed.has(unit.properties.id));
    const facilities = answer.features.map((feature) => ({
      position: feature.properties.position,
      loadClass: loadClass(feature.properties.load),
      hoverText: hover(feature.properties),
    }));
    return buildServiceAreaLayers({ areas, beyondTierUnits, facilities });
  }, [on, answer, units, t, language]);

  return {
    on,
    setOn,
    category,
    setCategory,
    params,
    scenario,
    answer,
    rows,
    loading: read.loading,
    error: read.error,
    layers,
  };
}

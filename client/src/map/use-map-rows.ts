/**
 * The rows deck.gl draws, prepared once per data change (never inside a layer accessor): community
 * and street labels, density units and population dots, the facilities shown at this zoom, and the
 * labels chosen so they never overlap (street names first, then communities, then facilities).
 */
import { useMemo } from 'react';
import type { RegionLayers } from '../lib/api-types';
import type { Language } from '../lib/i18n';
import type { LayerToggles } from './deck-layers';
import { chooseLabels, labelCharacterSet } from './label-placement';
import {
  communityLabelRows,
  densityUnits,
  facilityRows,
  populationDots,
  streetLabelRows,
  type FacilityRow,
  type LabelRow,
} from './map-rows';

export interface MapRowsInput {
  data: Partial<RegionLayers>;
  toggles: LayerToggles;
  hiddenCategories: ReadonlySet<string>;
  /** Only facilities of this category are drawn (the heat map's subject), or all when null. */
  facilityCategory: string | null;
  zoom: number;
  language: Language;
}

export function useMapRows({
  data,
  toggles,
  hiddenCategories,
  facilityCategory,
  zoom,
  language,
}: MapRowsInput) {
  const communities = data.communities?.features;
  const facilities = data.facilities?.features;
  const units = data.units?.features;
  const rows = useMemo(
    () => ({
      communityLabels: communities ? communityLabelRows(communities) : [],
      streetLabels: data.streets ? streetLabelRows(data.streets.features) : [],
      densityUnits: units ? densityUnits(units) : [],
      populationDots: units ? populationDots(units) : [],
    }),
    [communities, data.streets, units],
  );
  const shownFacilities = useMemo(() => {
    if (!facilities) return [];
    const subject = facilityCategory
      ? facilities.filter((facility) => facility.properties.category === facilityCategory)
      : facilities;
    return facilityRows(subject, hiddenCategories, zoom);
  }, [facilities, facilityCategory, hiddenCategories, zoom]);

  const labelCharacters = useMemo(
    () =>
      labelCharacterSet([
        ...rows.streetLabels.flatMap((row) => [row.nameZh, row.nameEn]),
        ...rows.communityLabels.flatMap((row) => [row.nameZh, row.nameEn]),
        ...(facilities ?? []).map((facility) => facility.properties.name),
      ]),
    [rows, facilities],
  );
  const labels = useMemo(() => {
    const named = (row: LabelRow) => ({
      key: row.id,
      position: row.position,
      text: language === 'zh' ? row.nameZh : row.nameEn,
    });
    return chooseLabels(
      { streets: rows.streetLabels, communities: rows.communityLabels, facilities: shownFacilities },
      {
        street: named,
        community: named,
        facility: (row: FacilityRow) => ({
          key: row.facility.properties.id,
          position: row.position,
          text: row.facility.properties.name,
        }),
      },
      { streets: toggles.streets, communities: toggles.communities, facilities: toggles.facilities },
      zoom,
    );
  }, [rows, shownFacilities, toggles.streets, toggles.communities, toggles.facilities, zoom, language]);

  return { rows, shownFacilities, labels, labelCharacters };
}

/**
 * The map's hover text: the heat map's figure under the pointer, a community's name with its type
 * (or the figure), a facility's name with its category. Pure, so tested without a map.
 */
import type { CommunityFeature, HeatmapGrid, Position } from '../lib/api-types';
import { formatNumber } from '../lib/format';
import type { I18n } from '../lib/i18n';
import { COMMUNITY_TYPES, FACILITY_CATEGORIES } from '../lib/standards';
import { DECK_LAYER_ID } from './deck-layers';
import { gridValueAt } from './heatmap-image';
import type { FacilityRow } from './map-rows';

/** What the pointer is over: deck.gl's picked layer and object, and the map position. */
export interface HoverPick {
  layerId: string | null;
  object: unknown;
  coordinate: Position | null;
}

export interface TooltipContext {
  heatmap: HeatmapGrid | null;
  /** Clicks start isochrones: communities are not named (the heat map's figure is). */
  clickForIsochrones: boolean;
  i18n: Pick<I18n, 't' | 'language' | 'localName'>;
}

/** The heat map's figure at a position, in words; null off the grid or where it is blank. */
function heatText(grid: HeatmapGrid | null, coordinate: Position | null, t: I18n['t']): string | null {
  const value = grid && coordinate ? gridValueAt(grid, coordinate) : undefined;
  if (value === null || value === undefined || !grid) return null;
  return grid.kind === 'completeness'
    ? t('access.tooltipReached', { reached: value, n: grid.categories?.length ?? 0 })
    : t('access.tooltipMinutes', { minutes: formatNumber(value, 1) });
}

/**
 * A row of a feature's own layer (service areas, proposed sites) that carries its hover text,
 * worded when its layer was built: the map shows it as it is.
 */
export interface HoverTextRow {
  hoverText: string;
}

function hoverTextOf(object: unknown): string | null {
  const text = (object as Partial<HoverTextRow> | null | undefined)?.hoverText;
  return typeof text === 'string' ? text : null;
}

/** The text to show, or null for none. */
export function tooltipText(pick: HoverPick, context: TooltipContext): string | null {
  const { t, language, localName } = context.i18n;
  const ownText = hoverTextOf(pick.object);
  if (ownText !== null) return ownText;
  const heat = heatText(context.heatmap, pick.coordinate, t);
  if (!pick.object || (context.clickForIsochrones && pick.layerId === DECK_LAYER_ID.communities)) return heat;
  if (pick.layerId === DECK_LAYER_ID.communities) {
    const { properties } = pick.object as CommunityFeature;
    const type = COMMUNITY_TYPES[properties.type];
    const name = language === 'zh' ? properties.name : properties.nameEn || properties.name;
    return `${name}\n${heat ?? (type ? localName(type) : properties.type)}`;
  }
  if (pick.layerId === DECK_LAYER_ID.facilities) {
    const { properties } = (pick.object as FacilityRow).facility;
    const category = FACILITY_CATEGORIES[properties.category];
    return `${properties.name}\n${category ? localName(category) : properties.category}`;
  }
  return null;
}

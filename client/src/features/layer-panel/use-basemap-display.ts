/**
 * How the region's base maps are shown: which are on, how opaque, in which order. The list comes
 * from the API (bottom first, in the order they were added); the panel lists them top first, and
 * the map (map/use-tile-basemaps.ts) and the printed figure draw them in that order, all under the
 * communities. Settings are kept per region while the page is open.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Basemap } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { useBasemapsRead } from '../../lib/reads';

export interface BasemapDisplay {
  basemap: Basemap;
  visible: boolean;
  /** 0 (transparent) … 1 (opaque). */
  opacity: number;
}

interface Settings {
  /** Ids top first; ids not in it go on top, newest first. */
  order: string[];
  hidden: string[];
  opacity: Record<string, number>;
}

const NO_SETTINGS: Settings = { order: [], hidden: [], opacity: {} };

export interface BasemapDisplayState {
  /** Top first. */
  displays: BasemapDisplay[];
  setVisible(id: string, visible: boolean): void;
  setOpacity(id: string, opacity: number): void;
  /** Moves a base map one place up (-1) or down (+1) in the list. */
  move(id: string, step: -1 | 1): void;
  /** Reads the list again (after an upload or a removal). */
  refresh(): void;
}

/** The base maps top first: those ordered by the user, others (newest first) above them. */
export function orderBasemaps(basemaps: readonly Basemap[], order: readonly string[]): Basemap[] {
  const placed = order
    .map((id) => basemaps.find((basemap) => basemap.id === id))
    .filter((basemap): basemap is Basemap => basemap !== undefined);
  const rest = basemaps.filter((basemap) => !order.includes(basemap.id)).reverse();
  return [...rest, ...placed];
}

export function useBasemapDisplay(regionId: string | null): BasemapDisplayState {
  const read = useBasemapsRead(regionId ? { regionId } : null);
  const queryClient = useQueryClient();
  const [settingsByRegion, setSettingsByRegion] = useState<Record<string, Settings>>({});
  const settings = (regionId && settingsByRegion[regionId]) || NO_SETTINGS;
  const basemaps = read.data;

  const displays = useMemo(
    () =>
      orderBasemaps(basemaps ?? [], settings.order).map((basemap) => ({
        basemap,
        visible: !settings.hidden.includes(basemap.id),
        opacity: settings.opacity[basemap.id] ?? 1,
      })),
    [basemaps, settings],
  );

  const update = useCallback(
    (change: (settings: Settings) => Settings) => {
      if (!regionId) return;
      setSettingsByRegion((all) => ({ ...all, [regionId]: change(all[regionId] ?? NO_SETTINGS) }));
    },
    [regionId],
  );

  return {
    displays,
    setVisible: useCallback(
      (id, visible) =>
        update((current) => ({
          ...current,
          hidden: visible ? current.hidden.filter((hidden) => hidden !== id) : [...current.hidden, id],
        })),
      [update],
    ),
    setOpacity: useCallback(
      (id, opacity) => update((current) => ({ ...current, opacity: { ...current.opacity, [id]: opacity } })),
      [update],
    ),
    move: useCallback(
      (id, step) =>
        update((current) => {
          const ids = orderBasemaps(basemaps ?? [], current.order).map((basemap) => basemap.id);
          const from = ids.indexOf(id);
          const to = from + step;
          if (from < 0 || to < 0 || to >= ids.length) return current;
          [ids[from], ids[to]] = [ids[to], ids[from]];
          return { ...current, order: ids };
        }),
      [update, basemaps],
    ),
    refresh: useCallback(() => {
      if (regionId) void queryClient.invalidateQueries({ queryKey: queryKeys.basemaps(regionId) });
    }, [queryClient, regionId]),
  };
}

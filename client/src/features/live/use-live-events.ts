/**
 * One live event stream per page (GET /api/events, server-sent events; the session cookie goes with
 * it, same origin): changes others make refresh the cached lists they touch, and the open scenario's
 * presence and others' saves go to live-store.ts. The browser reconnects a dropped stream by itself;
 * a refused one (signed out, too many pages) is tried again after a growing pause. A tab hidden for
 * a minute closes its stream until it is shown again.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  LIVE_EVENT_SCHEMAS,
  type LiveEvent,
  type LiveEventName,
  type PresenceEvent,
  type RegionChangedEvent,
  type ScenarioChangedEvent,
} from '../../../../contract/events';
import type { Region } from '../../lib/api-types';
import { API_BASE_PATH } from '../../lib/config';
import { isJudgingKey, queryKeys } from '../../lib/query-keys';
import { liveState, resetLive, updateLive } from './live-store';

const RETRY_FIRST_MILLISECONDS = 2_000;
const RETRY_MOST_MILLISECONDS = 60_000;
/** How long a tab in the background keeps its stream (and its place among a scenario's viewers). */
const HIDDEN_TAB_KEEPS_STREAM_MILLISECONDS = 60_000;

/** The cached reads a change of a scenario makes out of date: the region's list and the scenario's versions. */
function refreshScenario(queryClient: QueryClient, event: ScenarioChangedEvent): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(event.regionId) });
  void queryClient.invalidateQueries({
    queryKey: [...queryKeys.scenarioScope(event.regionId, event.scenarioId), 'versions'],
  });
}

/** The cached reads a change of a region makes out of date. */
function refreshRegion(queryClient: QueryClient, event: RegionChangedEvent): void {
  const { regionId } = event;
  if (event.change === 'basemap-added' || event.change === 'basemap-removed') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.basemaps(regionId) });
  } else if (event.change === 'updated') {
    // Its stored profile: what judges the region's communities and scenarios.
    void queryClient.invalidateQueries({ predicate: (query) => isJudgingKey(query.queryKey, regionId) });
  } else {
    void queryClient.invalidateQueries({ queryKey: queryKeys.regionScope(regionId) });
    // The region list only when the import made a new region: reading it again refits the map.
    const regions = queryClient.getQueryData<Region[]>(queryKeys.regions());
    if (!regions?.some((region) => region.id === regionId)) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.regions() });
    }
  }
}

type EventData = { [Name in LiveEventName]: Extract<LiveEvent, { name: Name }>['data'] };

/** The event's data as its schema reads it, or null when it does not parse. */
function parsed<Name extends LiveEventName>(name: Name, message: MessageEvent): EventData[Name] | null {
  try {
    const result = LIVE_EVENT_SCHEMAS[name].safeParse(JSON.parse(String(message.data)));
    return result.success ? (result.data as EventData[Name]) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the page's event stream open while it shows `regionId` (and has `scenarioId` open), as `me`.
 * A new region or scenario opens a new stream naming it.
 */
export function useLiveEvents(regionId: string | null, scenarioId: string | null, me: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = RETRY_FIRST_MILLISECONDS;
    let readyBefore = false;
    resetLive(scenarioId);
    const connect = () => {
      const params = new URLSearchParams();
      if (regionId) params.set('region', regionId);
      if (scenarioId) params.set('scenario', scenarioId);
      const query = params.toString();
      source = new EventSource(`${API_BASE_PATH}/events${query ? `?${query}` : ''}`);
      source.addEventListener('ready', () => {
        pause = RETRY_FIRST_MILLISECONDS;
        // Changes made while the stream was down were not heard: read the lists again.
        if (readyBefore && regionId) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(regionId) });
        }
        readyBefore = true;
      });
      source.addEventListener('scenario-changed', (message) => {
        const event = parsed('scenario-changed', message);
        if (!event) return;
        refreshScenario(queryClient, event);
        if (event.scenarioId === scenarioId && event.by !== me && event.version !== null) {
          if (event.change !== 'saved') return;
          const viewer = liveState().viewers.find((candidate) => candidate.username === event.by);
          updateLive({
            savedByOther: {
              scenarioId: event.scenarioId,
              by: event.by,
              name: viewer?.displayName || event.by,
              version: event.version,
            },
          });
        }
      });
      source.addEventListener('region-changed', (message) => {
        const event = parsed('region-changed', message);
        // The user's own change is refreshed where it was made.
        if (event && event.by !== me) refreshRegion(queryClient, event);
      });
      source.addEventListener('presence', (message) => {
        const event: PresenceEvent | null = parsed('presence', message);
        if (event && event.scenarioId === scenarioId) updateLive({ viewers: event.viewers });
      });
      source.onerror = () => {
        if (!source || source.readyState !== EventSource.CLOSED) return; // the browser is reconnecting
        retry = setTimeout(connect, pause);
        pause = Math.min(pause * 2, RETRY_MOST_MILLISECONDS);
      };
    };
    // A browser keeps at most six connections to one server over HTTP/1.1, and each open stream
    // holds one for good: a tab left in the background gives its stream up, and takes a new one
    // (reading the lists again) when it is shown.
    let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
    const disconnect = () => {
      clearTimeout(retry);
      source?.close();
      source = null;
    };
    const onVisibility = () => {
      clearTimeout(hiddenTimer);
      if (document.visibilityState === 'hidden') {
        hiddenTimer = setTimeout(() => {
          disconnect();
          resetLive(scenarioId);
        }, HIDDEN_TAB_KEEPS_STREAM_MILLISECONDS);
      } else if (!source) {
        pause = RETRY_FIRST_MILLISECONDS;
        connect();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    connect();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(hiddenTimer);
      disconnect();
      resetLive(null);
    };
  }, [regionId, scenarioId, me, queryClient]);
}

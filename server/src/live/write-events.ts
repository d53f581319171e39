/**
 * Which accepted write is which live event: the operation (`METHOD path` as the contract names it)
 * decides the kind of change, the request's path and the audit note name what changed. Told by the
 * audit middleware (http/audit-writes.ts), so no route publishes on its own.
 */

import type { RegionChangedEvent, ScenarioChangedEvent, LiveEvent } from '../../../contract/events.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/live.sql.js';

const SCENARIO_WRITES: Readonly<Record<string, ScenarioChangedEvent['change']>> = {
  'POST /api/regions/:region/scenarios': 'created',
  'PATCH /api/scenarios/:id': 'saved',
  'POST /api/scenarios/:id/versions/:version/restore': 'saved',
  'DELETE /api/scenarios/:id': 'deleted',
  'POST /api/scenarios/:id/submit': 'reviewed',
  'POST /api/scenarios/:id/decision': 'reviewed',
  'PUT /api/scenarios/:id/collaborators': 'shared',
};

const REGION_WRITES: Readonly<Record<string, RegionChangedEvent['change']>> = {
  'PATCH /api/regions/:region': 'updated',
  'POST /api/regions/:region/imports/:importId/commit': 'layer-imported',
  'POST /api/regions/:region/basemaps': 'basemap-added',
  'DELETE /api/regions/:region/basemaps/:basemap': 'basemap-removed',
};

/** Whether `operation` changes something live lists show. */
export function isLiveWrite(operation: string): boolean {
  return operation in SCENARIO_WRITES || operation in REGION_WRITES;
}

/** What the event of a write needs to know about it. */
export interface AcceptedWrite {
  /** `METHOD path`, e.g. `PATCH /api/scenarios/:id`. */
  operation: string;
  params: Readonly<Record<string, string | undefined>>;
  /** The changed object's id when the path does not name it (a created scenario). */
  objectId?: string;
  toVersion?: number;
  by: string;
}

/**
 * The region and version of a scenario as it stands, or null once gone: asked before a delete (the
 * row is gone after) and after other writes.
 */
export async function scenarioStanding(
  database: Database,
  scenarioId: string,
): Promise<{ regionId: string; version: number } | null> {
  const { rows } = await database.query<{ regionId: string; version: number }>(
    sql.SCENARIO_REGION_AND_VERSION,
    [scenarioId],
  );
  return rows[0] ?? null;
}

/**
 * The event of an accepted write, or null when it changes nothing live lists show. `standing` is
 * the scenario's region and version (scenarioStanding) for a write on one scenario.
 */
export function liveEventOf(
  write: AcceptedWrite,
  standing: { regionId: string; version: number } | null,
): LiveEvent | null {
  const scenarioChange = SCENARIO_WRITES[write.operation];
  if (scenarioChange) {
    const scenarioId = write.params.id ?? write.objectId;
    const regionId = write.params.region ?? standing?.regionId;
    if (!scenarioId || !regionId) return null;
    const version = scenarioChange === 'deleted' ? null : (write.toVersion ?? standing?.version ?? null);
    return {
      name: 'scenario-changed',
      data: { regionId, scenarioId, version, change: scenarioChange, by: write.by },
    };
  }
  const regionChange = REGION_WRITES[write.operation];
  if (regionChange && write.params.region) {
    return {
      name: 'region-changed',
      data: { regionId: write.params.region, change: regionChange, by: write.by },
    };
  }
  return null;
}

/**
 * What the audit log (accounts/audit-log.ts) is told of each request: every write the API
 * accepted and every refused sign-in, recorded once the operation has answered (a failure to record
 * is logged, not answered: the change itself is already saved).
 */

import type { Context, MiddlewareHandler } from 'hono';
import type { OperationSpec } from '../../../contract/operation.js';
import type { Database } from '../db/client.js';
import { recordAuditEntry } from '../accounts/audit-log.js';
import type { EventHub } from '../live/event-hub.js';
import { isLiveWrite, liveEventOf, scenarioStanding } from '../live/write-events.js';

/** What an operation adds to its audit entry beyond what the request says. */
export interface AuditNote {
  objectId?: string;
  fromVersion?: number;
  toVersion?: number;
  /** A short sentence, e.g. who a refused sign-in was for. */
  detail?: string;
  /** Who a sign-in was for (the request has no principal yet). */
  username?: string;
}

declare module 'hono' {
  interface ContextVariableMap {
    auditNote: AuditNote | undefined;
  }
}

/** Adds to the entry the current request will leave. */
export function noteForAudit(c: Context, note: AuditNote): void {
  c.set('auditNote', { ...c.get('auditNote'), ...note });
}

const OBJECT_PARAMS: readonly [param: string, type: string][] = [
  ['basemap', 'basemap'],
  ['importId', 'import'],
  ['username', 'user'],
  ['region', 'region'],
];

/** The kind and id of what a request changes, from its path. */
function objectOf(c: Context, spec: OperationSpec): { type: string | null; id: string | null } {
  const params = c.req.param() as Record<string, string | undefined>;
  if (spec.path.startsWith('/api/scenarios/')) return { type: 'scenario', id: params.id ?? null };
  if (spec.path.startsWith('/api/tokens')) return { type: 'token', id: params.id ?? null };
  if (spec.path.startsWith('/api/session')) return { type: 'session', id: null };
  if (spec.path === '/api/users') return { type: 'user', id: null };
  if (spec.path === '/api/settings') return { type: 'settings', id: null };
  if (spec.path.endsWith('/scenarios')) return { type: 'scenario', id: null };
  for (const [param, type] of OBJECT_PARAMS) if (params[param]) return { type, id: params[param] };
  return { type: null, id: null };
}

/**
 * Records what `spec` did once it has answered: writes that succeeded, and sign-ins refused (wrong
 * password, too many attempts). Reads are not recorded. A write that changes what live lists show
 * is then published to `liveEvents` (live/write-events.ts).
 */
export function auditWrites(
  spec: OperationSpec,
  database: Database,
  liveEvents?: EventHub,
): MiddlewareHandler | null {
  if (spec.method === 'get') return null;
  const isSignIn = spec.path === '/api/session' && spec.method === 'post';
  const operation = `${spec.method.toUpperCase()} ${spec.path}`;
  const live = liveEvents && isLiveWrite(operation) ? liveEvents : null;
  return async (c, next) => {
    // A deleted scenario's region can only be asked before.
    const scenarioId = c.req.param('id');
    const before =
      live && scenarioId && spec.method === 'delete'
        ? await scenarioStanding(database, scenarioId).catch(() => null)
        : null;
    await next();
    const status = c.res.status;
    if (!(status < 400 || (isSignIn && (status === 401 || status === 429)))) return;
    const note = c.get('auditNote') ?? {};
    const principal = c.get('principal');
    const object = objectOf(c, spec);
    try {
      await recordAuditEntry(database, {
        username: principal?.username ?? note.username ?? null,
        role: principal?.role ?? null,
        via: principal?.via ?? 'none',
        method: c.req.method,
        operation,
        path: c.req.path,
        objectType: object.type,
        objectId: note.objectId ?? object.id,
        fromVersion: note.fromVersion ?? null,
        toVersion: note.toVersion ?? null,
        status,
        detail: note.detail ?? null,
      });
    } catch (error) {
      console.error(`audit log: could not record ${c.req.method} ${c.req.path}: ${(error as Error).message}`);
    }
    if (live && status < 400) await publishWrite(c, live, database, operation, before);
  };
}

/** Publishes the live event of an accepted write; a failure is logged (the change is saved). */
async function publishWrite(
  c: Context,
  live: EventHub,
  database: Database,
  operation: string,
  before: { regionId: string; version: number } | null,
): Promise<void> {
  const note = c.get('auditNote') ?? {};
  const params = c.req.param() as Record<string, string | undefined>;
  try {
    const scenarioId = params.id ?? (params.region ? undefined : note.objectId);
    const standing = before ?? (scenarioId ? await scenarioStanding(database, scenarioId) : null);
    const event = liveEventOf(
      {
        operation,
        params,
        objectId: note.objectId,
        toVersion: note.toVersion,
        by: c.get('principal')?.username ?? note.username ?? '',
      },
      standing,
    );
    if (event) await live.publish(event);
  } catch (error) {
    console.error(
      `live events: could not publish ${c.req.method} ${c.req.path}: ${(error as Error).message}`,
    );
  }
}

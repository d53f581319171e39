/**
 * What the audit log (accounts/audit-log.ts) is told of each request: every write the API
 * accepted and every refused sign-in, recorded once the operation has answered (a failure to record
 * is logged, not answered: the change itself is already saved).
 */

import type { Context, MiddlewareHandler } from 'hono';
import type { OperationSpec } from '../../../contract/operation.js';
import type { Database } from '../db/client.js';
import { recordAuditEntry } from '../accounts/audit-log.js';

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
 * password, too many attempts). Reads are not recorded.
 */
export function auditWrites(spec: OperationSpec, database: Database): MiddlewareHandler | null {
  if (spec.method === 'get') return null;
  const isSignIn = spec.path === '/api/session' && spec.method === 'post';
  return async (c, next) => {
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
        operation: `${spec.method.toUpperCase()} ${spec.path}`,
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
  };
}

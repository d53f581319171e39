/**
 * The audit log (issue 12): every write the API accepted and every refused sign-in, with who,
 * when, which operation on which object, and for scenarios the versions before and after. Written
 * after the operation answered (a failure to write it is logged, not answered: the change itself
 * is already saved); the table refuses updates and deletes (migration 010).
 */

import type { Context, MiddlewareHandler } from 'hono';
import type { OperationSpec } from '../../../contract/operation.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/accounts.sql.js';
import { csvTable } from '../export/feature-table.js';

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
      await database.query(sql.INSERT_AUDIT_ENTRY, [
        principal?.username ?? note.username ?? null,
        principal?.role ?? null,
        principal?.via ?? 'none',
        c.req.method,
        `${spec.method.toUpperCase()} ${spec.path}`,
        c.req.path,
        object.type,
        note.objectId ?? object.id,
        note.fromVersion ?? null,
        note.toVersion ?? null,
        status,
        note.detail ?? null,
      ]);
    } catch (error) {
      console.error(`audit log: could not record ${c.req.method} ${c.req.path}: ${(error as Error).message}`);
    }
  };
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  role: string | null;
  via: 'session' | 'token' | 'none';
  method: string;
  operation: string;
  path: string;
  objectType: string | null;
  objectId: string | null;
  fromVersion: number | null;
  toVersion: number | null;
  status: number;
  detail: string | null;
}

export interface AuditFilter {
  user?: string;
  objectId?: string;
  from?: string;
  to?: string;
  limit: number;
}

export async function auditEntries(database: Database, filter: AuditFilter): Promise<AuditEntry[]> {
  const { rows } = await database.query<AuditEntry>(sql.LIST_AUDIT_ENTRIES, [
    filter.user ?? null,
    filter.objectId ?? null,
    filter.from ?? null,
    filter.to ?? null,
    filter.limit,
  ]);
  return rows;
}

const CSV_COLUMNS: readonly (keyof AuditEntry)[] = [
  'id',
  'at',
  'username',
  'role',
  'via',
  'method',
  'operation',
  'path',
  'objectType',
  'objectId',
  'fromVersion',
  'toVersion',
  'status',
  'detail',
];

/** The entries as CSV (UTF-8 with BOM for Excel and WPS; cells that could run as formulas escaped). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvTable(
    CSV_COLUMNS,
    entries.map((entry) => CSV_COLUMNS.map((column) => entry[column])),
  );
}

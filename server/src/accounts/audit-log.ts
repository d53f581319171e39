/**
 * The audit log (issue 12): every write the API accepted and every refused sign-in, with who,
 * when, which operation on which object, and for scenarios the versions before and after
 * (http/audit-writes.ts tells it). The table refuses updates and deletes (migration 010).
 */

import type { Database } from '../db/client.js';
import * as sql from '../db/sql/accounts.sql.js';
import { csvTable } from '../export/feature-table.js';

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

export async function recordAuditEntry(
  database: Database,
  entry: Omit<AuditEntry, 'id' | 'at'>,
): Promise<void> {
  await database.query(sql.INSERT_AUDIT_ENTRY, [
    entry.username,
    entry.role,
    entry.via,
    entry.method,
    entry.operation,
    entry.path,
    entry.objectType,
    entry.objectId,
    entry.fromVersion,
    entry.toVersion,
    entry.status,
    entry.detail,
  ]);
}

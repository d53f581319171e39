import { settingsOperations } from '../../../contract/settings.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/settings.sql.js';
import { requirePrincipal } from '../http/access-control.js';
import { noteForAudit } from '../http/audit-writes.js';
import { implement } from '../http/operation-binding.js';

const ISSUING_UNIT = 'issuing_unit';

interface SettingRow {
  value: string;
  updatedAt: string;
  updatedBy: string | null;
}

/**
 * GET /api/settings and PUT /api/settings: the bureau-wide settings, the issuing unit from the
 * database once an administrator set it, else `defaultIssuingUnit` (config.ts).
 */
export function settingsRoutes(database: Database, defaultIssuingUnit: string) {
  return [
    implement(settingsOperations.get, async () => {
      const { rows } = await database.query<SettingRow>(sql.READ_SETTING, [ISSUING_UNIT]);
      const row = rows[0];
      return row
        ? { issuingUnit: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
        : { issuingUnit: defaultIssuingUnit, updatedAt: null, updatedBy: null };
    }),
    implement(settingsOperations.update, async ({ body }, c) => {
      const principal = requirePrincipal(c);
      noteForAudit(c, { objectId: ISSUING_UNIT, detail: `issuing unit: ${body.issuingUnit}` });
      const { rows } = await database.query<SettingRow>(sql.WRITE_SETTING, [
        ISSUING_UNIT,
        body.issuingUnit,
        principal.username,
      ]);
      const row = rows[0]!;
      return { issuingUnit: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
    }),
  ];
}

/** Who owns a scenario and who else may edit it (its collaborators). */

import type { Database } from '../db/client.js';
import * as sql from '../db/sql/accounts.sql.js';
import { DomainError } from '../domain-error.js';

export interface ScenarioSharing {
  owner: string | null;
  collaborators: string[];
}

export async function scenarioSharing(database: Database, scenarioId: string): Promise<ScenarioSharing> {
  const { rows } = await database.query<ScenarioSharing>(sql.SCENARIO_SHARING, [scenarioId]);
  if (!rows[0]) throw new DomainError('scenario.not-found', { id: scenarioId });
  return rows[0];
}

/** Replaces the scenario's collaborators; every username must name a user (the owner is left out). */
export async function shareScenario(
  database: Database,
  scenarioId: string,
  collaborators: readonly string[],
): Promise<ScenarioSharing> {
  await database.transaction(async (query) => {
    if ((await query(sql.LOCK_SCENARIO_SHARING, [scenarioId])).rows.length === 0) {
      throw new DomainError('scenario.not-found', { id: scenarioId });
    }
    const { owner } = (await query<ScenarioSharing>(sql.SCENARIO_SHARING, [scenarioId])).rows[0];
    const wanted = [...new Set(collaborators)].filter((username) => username !== owner);
    const known = new Set(
      (await query<{ username: string }>(sql.EXISTING_USERNAMES, [wanted])).rows.map((row) => row.username),
    );
    const unknown = wanted.filter((username) => !known.has(username));
    if (unknown.length > 0) {
      throw new DomainError('user.unknown-collaborators', {
        usernames: unknown.map((name) => `"${name}"`).join(', '),
      });
    }
    await query(sql.DELETE_COLLABORATORS, [scenarioId]);
    await query(sql.INSERT_COLLABORATORS, [scenarioId, wanted]);
  });
  return scenarioSharing(database, scenarioId);
}

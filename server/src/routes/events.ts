import { eventOperations } from '../../../contract/events.js';
import { tokenPrincipal } from '../accounts/account-store.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/live.sql.js';
import { requirePrincipal } from '../http/access-control.js';
import { implement } from '../http/operation-binding.js';
import type { EventHub } from '../live/event-hub.js';

/** GET /api/events: the signed-in user's live event stream, counted in the presence of the scenario named. */
export function eventRoutes(database: Database, hub: EventHub) {
  return [
    implement(eventOperations.stream, ({ query }, c) => {
      const principal = requirePrincipal(c);
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
      const sessionDigest = principal.sessionDigest;
      const stillSignedIn = async () => {
        if (principal.via === 'token')
          return bearer ? (await tokenPrincipal(database, bearer)) !== null : false;
        if (!sessionDigest) return false;
        // Asked without touching the session: an open page alone must not keep it from expiring.
        return (await database.query(sql.SESSION_OPEN, [sessionDigest])).rows.length > 0;
      };
      return hub.open(
        {
          username: principal.username,
          displayName: principal.displayName,
          role: principal.role,
          stillSignedIn,
        },
        query.scenario ?? null,
      );
    }),
  ];
}

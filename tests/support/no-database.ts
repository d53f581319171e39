import type { Database } from '../../server/src/db/client.js';

/**
 * A database that refuses every query, for tests of answers that must come before any query (the
 * API document, the site's headers, 404s and 405s): a query fails the test with `why`.
 */
export function noDatabase(why: string): Database {
  const refuse = async (): Promise<never> => {
    throw new Error(why);
  };
  return {
    kind: 'embedded',
    query: refuse,
    transaction: refuse,
    session: refuse,
    close: async () => undefined,
  } as Database;
}

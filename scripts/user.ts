/**
 * `npm run user -- …`: manage accounts from the command line, on the database the server uses
 * (the embedded one in LIFECIRCLE_DATA_DIR, or DATABASE_URL) — for the first administrator's lost
 * password, or scripted installs. Passwords not given are generated and printed once.
 *
 *   npm run user -- list
 *   npm run user -- add <username> --role admin|analyst|planner|leader [--name 张伟] [--password …]
 *   npm run user -- role <username> <role>
 *   npm run user -- reset <username> [--password …]
 *   npm run user -- disable <username>      npm run user -- enable <username>
 */
import { DomainError } from '../server/src/domain-error.js';
import { parseUserCommand, runUserCommand, USER_USAGE } from './cli/user-command.js';
import { parseOrExplain, runCommand, withConfiguredDatabase } from './cli/run-with-database.js';

async function main(): Promise<number> {
  const command = parseOrExplain(() => parseUserCommand(process.argv.slice(2)), USER_USAGE);
  if (!command) return 2;
  const lines = await withConfiguredDatabase(
    (database) => runUserCommand(database, command),
    'managing users in',
  );
  for (const line of lines) console.log(line);
  return 0;
}

runCommand(main, (error) => {
  if (error instanceof DomainError) console.error(error.message);
  else console.error(error);
});

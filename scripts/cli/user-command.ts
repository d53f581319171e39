/**
 * What `npm run user` does (scripts/user.ts is its thin wrapper): reads the command line, and runs
 * one action on a database, answering the lines to print.
 */
import { ROLES, type Role } from '../../contract/access.js';
import { passwordSchema, roleSchema, usernameSchema } from '../../contract/accounts.js';
import { createUser, listUsers, updateUser } from '../../server/src/accounts/account-store.js';
import { newReadablePassword } from '../../server/src/accounts/secrets.js';
import type { Database } from '../../server/src/db/client.js';
import { UsageError } from './run-with-database.js';

export const USER_USAGE = `usage:
  npm run user -- list
  npm run user -- add <username> --role ${ROLES.join('|')} [--name <display name>] [--password <password>]
  npm run user -- role <username> <role>
  npm run user -- reset <username> [--password <password>]
  npm run user -- disable <username>
  npm run user -- enable <username>
A password not given is generated, printed once, and must be changed at the first sign-in.`;

export type UserCommand =
  | { action: 'list' }
  | { action: 'add'; username: string; role: Role; displayName?: string; password: string | null }
  | { action: 'role'; username: string; role: Role }
  | { action: 'reset'; username: string; password: string | null }
  | { action: 'disable' | 'enable'; username: string };

function role(text: string | undefined): Role {
  const parsed = roleSchema.safeParse(text);
  if (!parsed.success)
    throw new UsageError(`the role must be one of ${ROLES.join(', ')} (got ${text ?? 'none'})`);
  return parsed.data;
}

function username(text: string | undefined): string {
  const parsed = usernameSchema.safeParse(text ?? '');
  if (!parsed.success)
    throw new UsageError(`username: ${parsed.error.issues[0].message} (got ${text ?? 'none'})`);
  return parsed.data;
}

function password(text: string | undefined): string | null {
  if (text === undefined) return null;
  const parsed = passwordSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`--password ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** Splits `argv` into the action, its words and its `--flag value` pairs. */
export function parseUserCommand(argv: readonly string[]): UserCommand {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let k = 0; k < argv.length; k += 1) {
    const argument = argv[k];
    if (argument === '--help' || argument === '-h') throw new UsageError('');
    if (argument.startsWith('--')) {
      const [flag, inline] = argument.split(/=(.*)/s, 2);
      if (!['--role', '--name', '--password'].includes(flag)) throw new UsageError(`unknown flag ${flag}`);
      const value = inline ?? argv[++k];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      flags[flag] = value;
    } else {
      words.push(argument);
    }
  }
  const [action, ...rest] = words;
  const expect = (count: number) => {
    if (rest.length !== count)
      throw new UsageError(`"${action}" takes ${count} word${count === 1 ? '' : 's'} after it`);
  };
  switch (action) {
    case 'list':
      expect(0);
      return { action };
    case 'add':
      expect(1);
      return {
        action,
        username: username(rest[0]),
        role: role(flags['--role']),
        displayName: flags['--name'],
        password: password(flags['--password']),
      };
    case 'role':
      expect(2);
      return { action, username: username(rest[0]), role: role(rest[1]) };
    case 'reset':
      expect(1);
      return { action, username: username(rest[0]), password: password(flags['--password']) };
    case 'disable':
    case 'enable':
      expect(1);
      return { action, username: username(rest[0]) };
    default:
      throw new UsageError(action ? `unknown action "${action}"` : 'say what to do');
  }
}

/** Runs `command` on `database`; the lines to print (a generated password among them, once). */
export async function runUserCommand(database: Database, command: UserCommand): Promise<string[]> {
  switch (command.action) {
    case 'list':
      return (await listUsers(database)).map((user) => {
        const state = user.disabled
          ? 'disabled'
          : user.mustChangePassword
            ? 'must change password'
            : 'active';
        return `${user.username}\t${user.role}\t${user.displayName}\t${state}`;
      });
    case 'add': {
      const chosen = command.password ?? newReadablePassword();
      await createUser(database, {
        username: command.username,
        password: chosen,
        role: command.role,
        displayName: command.displayName,
        mustChangePassword: command.password === null,
      });
      const lines = [`added ${command.username} (${command.role})`];
      if (command.password === null)
        lines.push(`one-time password (change it at the first sign-in): ${chosen}`);
      return lines;
    }
    case 'role':
      await updateUser(database, command.username, { role: command.role });
      return [`${command.username} is now ${command.role}; their sessions ended`];
    case 'reset': {
      const chosen = command.password ?? newReadablePassword();
      await updateUser(database, command.username, {
        password: chosen,
        mustChangePassword: command.password === null,
      });
      const lines = [`reset the password of ${command.username}; their sessions ended`];
      if (command.password === null)
        lines.push(`one-time password (change it at the next sign-in): ${chosen}`);
      return lines;
    }
    case 'disable':
    case 'enable':
      await updateUser(database, command.username, { disabled: command.action === 'disable' });
      return [`${command.username} is ${command.action}d`];
  }
}

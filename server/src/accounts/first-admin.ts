/**
 * The first run's administrator: when the database has no user, `admin` is created with the
 * password of LIFECIRCLE_ADMIN_PASSWORD (automated installs), or with a one-time password that is
 * printed once and must be changed at the first sign-in.
 */

import type { Database } from '../db/client.js';
import { countUsers, createUser } from './account-store.js';
import { newReadablePassword } from './secrets.js';

export const FIRST_ADMIN_USERNAME = 'admin';

export type FirstAdmin =
  { created: false } | { created: true; username: string; oneTimePassword: string | null };

/**
 * Creates the first administrator if there is no user yet. `password` (from the configuration) is
 * used as given; without it a one-time password is made and answered, for the caller to print.
 */
export async function ensureFirstAdmin(database: Database, password: string | null): Promise<FirstAdmin> {
  if ((await countUsers(database)) > 0) return { created: false };
  const oneTimePassword = password ? null : newReadablePassword();
  await createUser(database, {
    username: FIRST_ADMIN_USERNAME,
    password: password ?? (oneTimePassword as string),
    role: 'admin',
    displayName: '系统管理员',
    mustChangePassword: oneTimePassword !== null,
  });
  return { created: true, username: FIRST_ADMIN_USERNAME, oneTimePassword };
}

/** The notice `npm start` prints once when it made the administrator with a one-time password. */
export function firstAdminNotice(admin: FirstAdmin): string | null {
  if (!admin.created || admin.oneTimePassword === null) return null;
  const lines = [
    `Lifecircle 首次启动：已创建管理员账号 ${admin.username}，一次性密码：${admin.oneTimePassword}`,
    `First run: the administrator ${admin.username} was created with the one-time password ${admin.oneTimePassword}`,
    '请登录后立即修改密码；此密码不会再次显示。 Sign in and change it now; it is not shown again.',
  ];
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '='.repeat(width);
  return [rule, ...lines.map((line) => `  ${line}`), rule].join('\n');
}

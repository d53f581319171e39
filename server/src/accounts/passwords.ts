/**
 * Passwords are kept only as argon2id hashes (@node-rs/argon2, OWASP's recommended parameters:
 * 19 MiB of memory, 2 passes), never written, logged or answered in clear.
 */

import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches `passwordHash`; a malformed hash matches nothing. */
export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password no one has, checked when the username is unknown so that a wrong username
 * takes as long as a wrong password (the time does not tell which names exist).
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}

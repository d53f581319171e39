/** Random secrets (session cookies, CSRF and API tokens, one-time passwords) and how they are stored. */

import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 32 random bytes, base64url: what a session cookie or an API token carries. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret: its SHA-256, so a copy of the database signs no one in. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** API tokens start with this, so a leaked one is recognisable (e.g. by secret scanners). */
export const API_TOKEN_PREFIX = 'lct_';

/** A one-time password a person can type: 16 letters and digits without look-alikes (0/O, 1/l/I). */
export function newReadablePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

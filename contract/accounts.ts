/**
 * Accounts (issue 12): signing in and out, who is signed in, users (administrators manage them),
 * API tokens for scripts, who may edit a scenario, and the audit log. Roles and permissions are in
 * access.ts.
 */

import { z } from 'zod';
import { ROLES } from './access.js';
import { DATABASE_UNAVAILABLE, jsonResponse, plainText, scenarioParams } from './common.js';
import { defineOperation } from './operation.js';

/** Lower-case letters, digits, `.`, `_` and `-`, 2–40 long, starting with a letter or digit; sign-in ignores case. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const roleSchema = z.enum(ROLES).meta({ description: 'admin, analyst, planner or leader' });

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'must be 2–40 letters, digits, ".", "_" or "-", starting with a letter or digit')
  .meta({ description: 'Letters, digits, ".", "_" and "-"; compared without case' });

export const passwordSchema = plainText()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

const displayNameSchema = plainText()
  .trim()
  .max(60, 'must be at most 60 characters')
  .meta({ description: 'The name shown in the interface, e.g. 张伟' });

export const signInBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'is empty').max(40, 'is longer than 40 characters'),
  password: plainText().min(1, 'is empty').max(MAX_PASSWORD_LENGTH, 'is too long'),
});

export const sessionSchema = z
  .strictObject({
    user: z.string().meta({ description: 'The username' }),
    displayName: z.string(),
    role: roleSchema.meta({ description: 'The role this request acts with (a token’s own role)' }),
    via: z.enum(['session', 'token']),
    csrfToken: z.string().nullable().meta({
      description: 'Send as X-CSRF-Token with every write made with the session cookie; null for a token',
    }),
    mustChangePassword: z.boolean().meta({ description: 'The password was set by someone else: change it' }),
  })
  .meta({ id: 'Session' });

export const userSchema = z
  .strictObject({
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string().meta({ description: 'ISO 8601 timestamp' }),
  })
  .meta({ id: 'User' });

export const createUserBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  role: roleSchema,
  displayName: displayNameSchema.optional(),
});

export const updateUserBody = z
  .strictObject({
    role: roleSchema.optional(),
    displayName: displayNameSchema.optional(),
    password: passwordSchema.optional().meta({
      description: 'A new password set by the administrator; the user must change it at the next sign-in',
    }),
    disabled: z
      .boolean()
      .optional()
      .meta({ description: 'A disabled user cannot sign in; their sessions and tokens end' }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'changes nothing');

export const changePasswordBody = z.strictObject({
  currentPassword: plainText().min(1, 'is empty').max(MAX_PASSWORD_LENGTH, 'is too long'),
  newPassword: passwordSchema,
});

export const apiTokenSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const newApiTokenSchema = apiTokenSchema
  .extend({
    token: z
      .string()
      .meta({ description: 'The secret, shown this once: send it as `Authorization: Bearer <token>`' }),
  })
  .meta({ id: 'NewApiToken' });

export const createTokenBody = z.strictObject({
  name: plainText().trim().min(1, 'is empty').max(80, 'is longer than 80 characters'),
  role: roleSchema.optional().meta({
    description: 'The role the token acts with: your own (the default), or any role for an administrator',
  }),
});

export const scenarioSharingSchema = z
  .strictObject({
    owner: z.string().nullable(),
    collaborators: z
      .array(z.string())
      .meta({ description: 'Usernames who may edit the scenario besides its owner' }),
  })
  .meta({ id: 'ScenarioSharing' });

export const shareScenarioBody = z.strictObject({
  collaborators: z.array(usernameSchema).max(200, 'lists more than 200 users'),
});

export const auditEntrySchema = z
  .strictObject({
    id: z.number().int(),
    at: z.string().meta({ description: 'ISO 8601 timestamp' }),
    username: z.string().nullable(),
    role: z.string().nullable(),
    via: z.enum(['session', 'token', 'none']),
    method: z.string(),
    operation: z.string().meta({ description: 'The operation, e.g. "PATCH /api/scenarios/:id"' }),
    path: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    fromVersion: z.number().int().nullable(),
    toVersion: z.number().int().nullable(),
    status: z.number().int(),
    detail: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = z.strictObject({
  user: usernameSchema.optional(),
  objectId: plainText().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'ISO 8601, inclusive' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'ISO 8601, exclusive' }),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  format: z.enum(['json', 'csv']).default('json'),
});

const accountErrors = { 400: 'A body field is refused (named in `error`)', 503: DATABASE_UNAVAILABLE };
const usernameParams = z.object({ username: usernameSchema });
const tokenParams = z.object({ id: plainText().min(1).max(100) });

export const accountOperations = {
  signIn: defineOperation({
    method: 'post',
    access: 'public',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Sign in: sets the session cookie and answers the CSRF token writes must send',
    body: signInBody,
    response: jsonResponse('Signed in', sessionSchema),
    errors: {
      ...accountErrors,
      401: 'Wrong username or password (which one is not said)',
      429: 'Too many failed sign-ins for this username or address: wait the minutes named',
    },
  }),
  session: defineOperation({
    method: 'get',
    access: 'own-account',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Who is signed in, with which role',
    response: jsonResponse('The signed-in user', sessionSchema),
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
  signOut: defineOperation({
    method: 'delete',
    access: 'own-account',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Sign out: ends this session and clears its cookie',
    response: { status: 204, description: 'Signed out' },
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
  changePassword: defineOperation({
    method: 'put',
    access: 'own-account',
    path: '/api/session/password',
    tag: 'accounts',
    summary: "Change one's own password (ends one's other sessions)",
    body: changePasswordBody,
    response: { status: 204, description: 'Changed' },
    errors: { ...accountErrors, 403: 'The current password is wrong' },
  }),
  listUsers: defineOperation({
    method: 'get',
    access: 'manage-users',
    path: '/api/users',
    tag: 'accounts',
    summary: 'Every user',
    response: jsonResponse('Users by username', z.array(userSchema)),
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
  createUser: defineOperation({
    method: 'post',
    access: 'manage-users',
    path: '/api/users',
    tag: 'accounts',
    summary: 'Add a user',
    body: createUserBody,
    response: jsonResponse('The new user', userSchema, 201),
    errors: { ...accountErrors, 409: 'The username is taken' },
  }),
  updateUser: defineOperation({
    method: 'patch',
    access: 'manage-users',
    path: '/api/users/:username',
    tag: 'accounts',
    summary: "Change a user's role or name, reset their password, or disable them",
    params: usernameParams,
    body: updateUserBody,
    response: jsonResponse('The user as changed', userSchema),
    errors: { ...accountErrors, 404: 'No such user', 409: 'It would leave no administrator' },
  }),
  listTokens: defineOperation({
    method: 'get',
    access: 'own-account',
    path: '/api/tokens',
    tag: 'accounts',
    summary: "One's own API tokens (never their secrets)",
    response: jsonResponse('Tokens, newest first', z.array(apiTokenSchema)),
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
  createToken: defineOperation({
    method: 'post',
    access: 'own-account',
    path: '/api/tokens',
    tag: 'accounts',
    summary: 'Create an API token for scripts (its secret is answered once)',
    body: createTokenBody,
    response: jsonResponse('The token with its secret', newApiTokenSchema, 201),
    errors: { ...accountErrors },
  }),
  revokeToken: defineOperation({
    method: 'delete',
    access: 'own-account',
    path: '/api/tokens/:id',
    tag: 'accounts',
    summary: 'Revoke one of one’s tokens (administrators: anyone’s)',
    params: tokenParams,
    response: { status: 204, description: 'Revoked' },
    errors: { ...accountErrors, 404: 'No such token of yours' },
  }),
  scenarioSharing: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/scenarios/:id/collaborators',
    tag: 'scenarios',
    summary: 'Who owns a scenario and who else may edit it',
    params: scenarioParams,
    response: jsonResponse('Owner and collaborators', scenarioSharingSchema),
    errors: { 400: 'The id is malformed', 404: 'No such scenario', 503: DATABASE_UNAVAILABLE },
  }),
  shareScenario: defineOperation({
    method: 'put',
    access: 'own-scenario',
    path: '/api/scenarios/:id/collaborators',
    tag: 'scenarios',
    summary: 'Set who else may edit a scenario (its owner or an administrator)',
    params: scenarioParams,
    body: shareScenarioBody,
    response: jsonResponse('Owner and collaborators as saved', scenarioSharingSchema),
    errors: {
      400: 'A username is malformed or names no user',
      404: 'No such scenario',
      503: DATABASE_UNAVAILABLE,
    },
  }),
  audit: defineOperation({
    method: 'get',
    access: 'read-audit',
    path: '/api/audit',
    tag: 'accounts',
    summary: 'The audit log: every accepted write and refused sign-in, newest first, as JSON or CSV',
    query: auditQuery,
    response: {
      description: 'Entries, newest first (at most `limit`)',
      content: { 'application/json': z.array(auditEntrySchema), 'text/csv': z.string() },
    },
    errors: { 400: 'A query field is refused (named in `error`)', 503: DATABASE_UNAVAILABLE },
  }),
};

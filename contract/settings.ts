/**
 * Bureau-wide settings (issue 12): the issuing unit (编制单位) printed on the leaders' dashboard.
 * Everyone signed in reads them; an administrator changes them in 系统管理.
 */

import { z } from 'zod';
import { DATABASE_UNAVAILABLE, jsonResponse, plainText } from './common.js';
import { defineOperation } from './operation.js';

export const MAX_ISSUING_UNIT_LENGTH = 100;

export const settingsSchema = z
  .strictObject({
    issuingUnit: z.string().meta({
      description: 'The issuing unit (编制单位) printed on the dashboard; the server’s default until set',
    }),
    updatedAt: z
      .string()
      .nullable()
      .meta({ description: 'ISO 8601 timestamp of the last change; null while the default holds' }),
    updatedBy: z
      .string()
      .nullable()
      .meta({ description: 'Who changed it last; null while the default holds' }),
  })
  .meta({ id: 'Settings' });

export const settingsBody = z.strictObject({
  issuingUnit: plainText()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_ISSUING_UNIT_LENGTH, `must be at most ${MAX_ISSUING_UNIT_LENGTH} characters`),
});

export const settingsOperations = {
  get: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/settings',
    tag: 'settings',
    summary: 'The bureau-wide settings (the issuing unit printed on the dashboard)',
    response: jsonResponse('The settings', settingsSchema),
    errors: { 503: DATABASE_UNAVAILABLE },
  }),
  // manage-users: a bureau-wide setting, like the accounts, kept by the administrator in 系统管理 (not one region's).
  update: defineOperation({
    method: 'put',
    access: 'manage-users',
    path: '/api/settings',
    tag: 'settings',
    summary: 'Change the bureau-wide settings',
    body: settingsBody,
    response: jsonResponse('The settings as stored', settingsSchema),
    errors: { 400: 'A body field is refused (named in `error`)', 503: DATABASE_UNAVAILABLE },
  }),
};

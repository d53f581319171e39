/**
 * The bodies that create scenarios and save edits. The edits themselves are core's edit schema
 * (core/scenario/scenario-edit-schema.ts): the one definition the draft applies and the client
 * builds. Shapes only: whether a unit or a community exists, streets, emptied communities and
 * outline validity are decided while the edits are applied, still before anything is written.
 */

import { z } from 'zod';
import { editSchema } from '../core/scenario/scenario-edit-schema.js';
import { plainText } from './common.js';

export { editSchema };
export type { ScenarioEdit, ScenarioEditOp } from '../core/scenario/scenario-edit-schema.js';

const name = plainText().trim().min(1, 'must not be empty').max(100);

export const createScenarioBody = z
  .object({
    name,
    basedOn: plainText().min(1).max(100).default('baseline'),
    /** A copy of the scenario `basedOn` as it stood at this version (its current one when left out). */
    basedOnVersion: z.number().int().min(1).max(2_147_483_647).optional().meta({
      description: 'Copy the scenario `basedOn` as it stood at this version (default: its current one)',
    }),
  })
  .strict()
  .refine((body) => body.basedOnVersion === undefined || body.basedOn !== 'baseline', {
    message: 'only a copy of a scenario starts from one of its versions (the baseline has one)',
    path: ['basedOnVersion'],
  });

export const patchScenarioBody = z
  .object({
    version: z.number().int().min(1),
    edits: z.array(editSchema).max(1000).default([]),
    /** Renames the scenario in the same save. */
    name: name.optional(),
  })
  .strict()
  .refine((body) => body.edits.length > 0 || body.name !== undefined, 'send at least one edit or a new name');

export type CreateScenarioBody = z.input<typeof createScenarioBody>;
export type PatchScenarioBody = z.input<typeof patchScenarioBody>;

/** `POST /api/scenarios/:id/submit`: the version submitted (the one the planner last saw). */
export const submitForReviewBody = z.strictObject({
  version: z.number().int().min(1),
  comment: plainText().trim().max(2000, 'is longer than 2 000 characters').optional(),
});

/** `POST /api/scenarios/:id/decision`: approve, or return with a comment saying what to change. */
export const reviewDecisionBody = z
  .strictObject({
    version: z.number().int().min(1).meta({ description: 'The version decided on (the one submitted)' }),
    decision: z.enum(['approve', 'return']),
    comment: plainText().trim().max(2000, 'is longer than 2 000 characters').default(''),
  })
  .refine((body) => body.decision === 'approve' || body.comment.length > 0, {
    message: 'a returned scenario needs a comment saying what to change',
    path: ['comment'],
  });

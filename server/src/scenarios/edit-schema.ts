/**
 * The request bodies of the scenario API, validated at the edge. Shapes only: whether a unit or a
 * community exists, streets, emptied communities and outline validity are decided while the edits
 * are applied (core/scenario/scenario-draft.ts and PostGIS), still before anything is written.
 */

import { z } from 'zod';
import { COMMUNITY_TYPE_IDS } from '../../../core/standards/community-types.js';
import { STANDARDS_PROFILE_IDS } from '../../../core/standards/profiles.js';

/** Ids a new community may take: letters, digits, `_ . -`, starting with a letter or digit. */
const COMMUNITY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

const referenceId = z.string().min(1).max(200);
const newCommunityId = z
  .string()
  .regex(COMMUNITY_ID_PATTERN, 'must be 1–63 letters, digits, "_", "." or "-"');
const name = z.string().trim().min(1, 'must not be empty').max(100);

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions')
  .refine(
    (points) => points[0][0] === points.at(-1)![0] && points[0][1] === points.at(-1)![1],
    'a ring must end where it starts',
  );

export const polygonSchema = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) })
  .strict();
export const lineStringSchema = z
  .object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) })
  .strict();

const count = z.number().int().min(0).nullable();
const share = z.number().min(0).max(1).nullable();

const communityChanges = z
  .object({
    name: name.optional(),
    nameEn: z.string().max(100).nullable().optional(),
    type: z.enum(COMMUNITY_TYPE_IDS).optional(),
    serviceFloorAreaSquareMeters: z.number().min(0).nullable().optional(),
    staff: count.optional(),
    socialWorkers: count.optional(),
    grids: count.optional(),
    gridWorkers: count.optional(),
    agriculturalLandShare: share.optional(),
    developmentProgress: share.optional(),
    isTownshipSeat: z.boolean().optional(),
  })
  .strict();

const newCommunity = communityChanges.extend({ id: newCommunityId.optional(), name });
const unitIds = z.array(referenceId).min(1, 'name at least one unit').max(200_000);

export const editSchema = z.discriminatedUnion('op', [
  z
    .object({ op: z.literal('assign'), unitIds, communityId: referenceId, dissolve: z.boolean().optional() })
    .strict(),
  z
    .object({
      op: z.literal('redraw'),
      communityId: referenceId,
      outline: polygonSchema,
      outsideTo: referenceId.optional(),
      dissolve: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('split'),
      communityId: referenceId,
      line: lineStringSchema,
      side: z.enum(['left', 'right']).optional(),
      newCommunity,
    })
    .strict(),
  z
    .object({ op: z.literal('merge'), communityIds: z.array(referenceId).min(2).max(100), into: referenceId })
    .strict(),
  z
    .object({
      op: z.literal('create'),
      community: newCommunity.extend({ type: z.enum(COMMUNITY_TYPE_IDS), streetId: referenceId }),
      unitIds,
      dissolve: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('update'),
      communityId: referenceId,
      changes: communityChanges.refine(
        (changes) => Object.keys(changes).length > 0,
        'name at least one change',
      ),
    })
    .strict(),
  z
    .object({
      op: z.literal('convert-village'),
      communityId: referenceId,
      to: z.enum(['urban', 'fringe']).optional(),
    })
    .strict(),
]);

export const createScenarioBody = z
  .object({ name, basedOn: z.string().min(1).max(100).default('baseline') })
  .strict();

export const patchScenarioBody = z
  .object({
    version: z.number().int().min(1),
    edits: z.array(editSchema).max(1000).default([]),
    /** Renames the scenario in the same save. */
    name: name.optional(),
  })
  .strict()
  .refine((body) => body.edits.length > 0 || body.name !== undefined, 'send at least one edit or a new name');

export const profileQuery = z.object({ profile: z.enum(STANDARDS_PROFILE_IDS).optional() });

/** `as`: the type a village is judged as for what it would lack (村改社区). */
export const villageCandidatesQuery = profileQuery.extend({ as: z.enum(['urban', 'fringe']).default('urban') });

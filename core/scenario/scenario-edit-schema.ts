/**
 * The edits of a scenario (assign, redraw, split, merge, create, update, convert-village) as a zod
 * schema: the one definition of the edit language. The API validates saves with it (contract/),
 * the draft applies what it produces (scenario-draft.ts), and the client builds edits of its types.
 * Shapes only: whether units and communities exist is the draft's to decide.
 */

import { z } from 'zod';
import { COMMUNITY_TYPE_IDS } from '../standards/community-types.js';

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

const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }).strict();
const lineStringSchema = z
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

/** One edit as sent, stored in the edit log and applied by the draft. */
export type ScenarioEdit = z.output<typeof editSchema>;
export type ScenarioEditOp = ScenarioEdit['op'];
/** What an edit may set on a community besides its id and street. */
export type CommunityChanges = z.output<typeof communityChanges>;
/** A community an edit creates: a name at least; a new id when none is given. */
export type NewCommunity = z.output<typeof newCommunity>;
/** A GeoJSON Polygon in WGS 84 (`[lon, lat]`), as an outline is sent. */
export type PolygonGeometry = z.output<typeof polygonSchema>;
/** A GeoJSON LineString in WGS 84 (`[lon, lat]`), as a split line is sent. */
export type LineStringGeometry = z.output<typeof lineStringSchema>;

/**
 * The edits of a scenario as a zod schema: the one definition of the edit language. The API
 * validates saves with it (contract/), the draft applies what it produces (scenario-draft.ts), and
 * the client builds edits of its types. Boundary edits (assign, redraw, split, merge, create, update,
 * convert-village) move units between communities; layer edits (add-, move-, update- and
 * remove-facility, add-path, close-path) change the facilities and walking paths the scenario's
 * analyses run on. Shapes only: whether units, communities, facilities and edges exist, and whether
 * a point lies in the region or a path meets the network, is decided while the edits are applied.
 */

import { z } from 'zod';
import { COMMUNITY_TYPE_IDS } from '../standards/community-types.js';
import { FACILITY_CATEGORY_IDS } from '../standards/facility-categories.js';
import {
  APPLICATION_TARGETS,
  SEAT_KINDS,
  STATION_PROVENANCES,
  SURVEYED_FIGURE_LIMITS as LIMITS,
} from '../standards/community-figures.js';
import { plainText } from '../text/plain-text.js';

/** Types a village may become (standards §1–2: 城市社区 as urban or fringe, 农村社区 as rural). */
export const CONVERSION_TARGET_TYPES = ['urban', 'fringe', 'rural'] as const;
export type ConversionTargetType = (typeof CONVERSION_TARGET_TYPES)[number];

/** Ids a new community may take: letters, digits, `_ . -`, starting with a letter or digit. */
const COMMUNITY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

const referenceId = plainText().min(1).max(200);
const newCommunityId = z
  .string()
  .regex(COMMUNITY_ID_PATTERN, 'must be 1–63 letters, digits, "_", "." or "-"');
/** Ids a new facility or path may take: as a community's. */
const newLayerId = newCommunityId;
const name = plainText().trim().min(1, 'must not be empty').max(100);

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/**
 * Most vertices one ring or line of an edit may have: a hand-drawn outline has hundreds, a traced
 * one a few thousand; a 39 MB outline once froze the embedded server and filled the edit log.
 */
export const MAX_EDIT_GEOMETRY_VERTICES = 20_000;
/** Most rings an outline may have (its shell and holes). */
export const MAX_OUTLINE_RINGS = 100;
const ring = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions')
  .max(MAX_EDIT_GEOMETRY_VERTICES, `a ring may have at most ${MAX_EDIT_GEOMETRY_VERTICES} vertices`)
  .refine(
    (points) => points[0][0] === points.at(-1)![0] && points[0][1] === points.at(-1)![1],
    'a ring must end where it starts',
  );

const polygonSchema = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(MAX_OUTLINE_RINGS) })
  .strict();
const lineStringSchema = z
  .object({
    type: z.literal('LineString'),
    coordinates: z
      .array(position)
      .min(2)
      .max(MAX_EDIT_GEOMETRY_VERTICES, `a line may have at most ${MAX_EDIT_GEOMETRY_VERTICES} vertices`),
  })
  .strict();

/**
 * `[lon, lat]` of a facility or path: two finite numbers; ranges and the region's extent are the
 * server's to check, so a swapped pair is named as such.
 */
const layerPosition = z.tuple([z.number(), z.number()]);

/** Most vertices an added path may have (a hand-drawn footway has a few dozen). */
export const MAX_PATH_VERTICES = 2000;
/** Most places one facility may take (kindergarten places, day-care places …). */
export const MAX_FACILITY_CAPACITY = LIMITS.capacity;

const pathLine = z
  .object({
    type: z.literal('LineString'),
    coordinates: z.array(layerPosition).min(2).max(MAX_PATH_VERTICES),
  })
  .strict();

const count = (max: number) => z.number().int().min(0).max(max).nullable().optional();
const share = z.number().min(0).max(1).nullable().optional();

/** Every surveyed figure an edit may set (core/standards/community-figures.ts), bounded. */
const communityChanges = z
  .object({
    name: name.optional(),
    nameEn: plainText().max(100).nullable().optional(),
    type: z.enum(COMMUNITY_TYPE_IDS).optional(),
    isTownshipSeat: z.boolean().optional(),
    serviceFloorAreaSquareMeters: z.number().min(0).max(LIMITS.floorAreaSquareMeters).nullable().optional(),
    stationProvenance: z.enum(STATION_PROVENANCES).nullable().optional(),
    activityFloorShare: share,
    commercialFloorShare: share,
    staff: count(LIMITS.people),
    socialWorkers: count(LIMITS.people),
    grids: count(LIMITS.grids),
    gridWorkers: count(LIMITS.people),
    policeOfficers: count(LIMITS.people),
    auxiliaryPoliceOfficers: count(LIMITS.people),
    openingHoursPerDay: z.number().min(0).max(LIMITS.hoursPerDay).nullable().optional(),
    parkingSpaces: count(LIMITS.parkingSpaces),
    newResidentialArea: z.boolean().nullable().optional(),
    seatKind: z.enum(SEAT_KINDS).nullable().optional(),
    seatName: plainText().trim().min(1).max(100).nullable().optional(),
    agriculturalLandShare: share,
    developmentProgress: share,
    applicationTarget: z.enum(APPLICATION_TARGETS).nullable().optional(),
  })
  .strict();

const newCommunity = communityChanges.extend({ id: newCommunityId.optional(), name });

/** What an edit may set on a facility besides its id and position. */
const facilityChanges = z
  .object({
    name: name.optional(),
    category: z.enum(FACILITY_CATEGORY_IDS).optional(),
    floorAreaSquareMeters: z.number().min(0).max(LIMITS.floorAreaSquareMeters).nullable().optional(),
    landAreaSquareMeters: z.number().min(0).max(LIMITS.landAreaSquareMeters).nullable().optional(),
    capacity: z.number().int().min(0).max(MAX_FACILITY_CAPACITY).nullable().optional(),
  })
  .strict();
const newFacility = facilityChanges.extend({
  id: newLayerId.optional(),
  name,
  category: z.enum(FACILITY_CATEGORY_IDS),
  position: layerPosition,
});
/** A network edge (its integer id) or a path the scenario added (its id). */
const closableId = z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), referenceId]);
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
      to: z.enum(CONVERSION_TARGET_TYPES).optional(),
    })
    .strict(),
  z.object({ op: z.literal('add-facility'), facility: newFacility }).strict(),
  z.object({ op: z.literal('move-facility'), facilityId: referenceId, position: layerPosition }).strict(),
  z
    .object({
      op: z.literal('update-facility'),
      facilityId: referenceId,
      changes: facilityChanges.refine(
        (changes) => Object.keys(changes).length > 0,
        'name at least one change',
      ),
    })
    .strict(),
  z.object({ op: z.literal('remove-facility'), facilityId: referenceId }).strict(),
  z
    .object({
      op: z.literal('add-path'),
      id: newLayerId.optional(),
      line: pathLine,
      name: name.optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('close-path'),
      edgeIds: z.array(closableId).min(1, 'name at least one edge').max(10_000),
    })
    .strict(),
]);

/** Every edit op, boundary edits first. */
export const EDIT_OPS = editSchema.options.map((option) => option.shape.op.value);

/** The edits that change facilities or walking paths rather than boundaries. */
export const LAYER_EDIT_OPS = [
  'add-facility',
  'move-facility',
  'update-facility',
  'remove-facility',
  'add-path',
  'close-path',
] as const;

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
/** What an edit may set on a facility (update-facility's `changes`). */
export type FacilityChanges = z.output<typeof facilityChanges>;
/** A facility an `add-facility` edit places. */
export type NewFacility = z.output<typeof newFacility>;

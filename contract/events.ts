/**
 * Live events (issue 12): one server-sent event stream per open page, telling it of every change
 * the API accepted (a scenario created, saved, deleted, reviewed or shared; a region's layers or
 * base maps changed) and, for the scenario the page names, who else has it open. Lists refresh
 * from these events instead of on reload.
 */

import { z } from 'zod';
import { ROLES } from './access.js';
import { plainText, regionIdSchema } from './common.js';
import { defineOperation } from './operation.js';

/** How often the stream sends a comment line when nothing else happened (keeps proxies from closing it). */
export const LIVE_HEARTBEAT_SECONDS = 20;

/** How many event streams one user may hold open at once (each browser tab holds one). */
export const LIVE_STREAMS_PER_USER = 10;

export const SCENARIO_CHANGES = ['created', 'saved', 'deleted', 'reviewed', 'shared'] as const;
export const REGION_CHANGES = ['updated', 'layer-imported', 'basemap-added', 'basemap-removed'] as const;

export const scenarioChangedSchema = z
  .strictObject({
    regionId: z.string(),
    scenarioId: z.string(),
    version: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The version after the change; null once deleted' }),
    change: z.enum(SCENARIO_CHANGES),
    by: z.string().meta({ description: 'The username who made the change' }),
  })
  .meta({ id: 'ScenarioChangedEvent' });

export const regionChangedSchema = z
  .strictObject({
    regionId: z.string(),
    change: z.enum(REGION_CHANGES),
    by: z.string(),
  })
  .meta({ id: 'RegionChangedEvent' });

export const viewerSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  since: z.string().meta({ description: 'When their first open stream named the scenario (ISO 8601)' }),
});

export const presenceSchema = z
  .strictObject({
    scenarioId: z.string(),
    viewers: z.array(viewerSchema).meta({ description: 'Everyone with the scenario open, once each' }),
  })
  .meta({ id: 'PresenceEvent' });

export const readyEventSchema = z
  .strictObject({
    username: z.string(),
    heartbeatSeconds: z.number().int(),
  })
  .meta({ id: 'ReadyEvent' });

/** Every event by its `event:` name; `data:` is the JSON of its schema. */
export const LIVE_EVENT_SCHEMAS = {
  ready: readyEventSchema,
  'scenario-changed': scenarioChangedSchema,
  'region-changed': regionChangedSchema,
  presence: presenceSchema,
} as const;

export type LiveEventName = keyof typeof LIVE_EVENT_SCHEMAS;
export type LiveEvent = {
  [Name in LiveEventName]: { name: Name; data: z.output<(typeof LIVE_EVENT_SCHEMAS)[Name]> };
}[LiveEventName];
export type ScenarioChangedEvent = z.output<typeof scenarioChangedSchema>;
export type RegionChangedEvent = z.output<typeof regionChangedSchema>;
export type PresenceEvent = z.output<typeof presenceSchema>;
export type Viewer = z.output<typeof viewerSchema>;

/** The stream as a text: `event:` and `data:` lines per event, `:` comment lines as heartbeats. */
export const eventStreamSchema = z.string().meta({
  description:
    'text/event-stream: first `event: ready`, then `scenario-changed`, `region-changed` and `presence` ' +
    'events, each with one `data:` line of JSON (schemas ReadyEvent, ScenarioChangedEvent, ' +
    `RegionChangedEvent, PresenceEvent), and a \`:\` comment every ${LIVE_HEARTBEAT_SECONDS} s`,
});

export const eventsQuerySchema = z.strictObject({
  region: regionIdSchema.optional().meta({ description: 'The region the page shows' }),
  scenario: plainText()
    .min(1, 'is empty')
    .max(100, 'is longer than 100 characters')
    .optional()
    .meta({ description: 'The scenario the page has open: the stream then counts in its presence' }),
});

export const eventOperations = {
  stream: defineOperation({
    method: 'get',
    access: 'read',
    path: '/api/events',
    tag: 'live',
    summary: 'Changes and presence as they happen (server-sent events)',
    query: eventsQuerySchema,
    response: {
      description:
        'An open event stream; it ends when the session ends (at the next heartbeat at the latest) or the server stops',
      content: { 'text/event-stream': eventStreamSchema },
    },
    errors: {
      400: 'The region or scenario named is malformed, or the query names something else',
      429: `The user holds ${LIVE_STREAMS_PER_USER} event streams open already`,
    },
  }),
};

/**
 * The whole API: every operation by resource. The server serves each of them (a test holds it to
 * that), the OpenAPI document is generated from them, and the client calls them.
 */

import { accessibilityOperations } from './accessibility.js';
import { accountOperations } from './accounts.js';
import { basemapOperations } from './basemaps.js';
import { docsOperations } from './docs.js';
import { eventOperations } from './events.js';
import { healthOperations } from './health.js';
import { importOperations } from './imports.js';
import type { OperationSpec } from './operation.js';
import { partitionProposalOperations } from './partition-proposals.js';
import { regionOperations } from './regions.js';
import { scenarioLayerOperations } from './scenario-layers.js';
import { serviceAreaOperations } from './service-areas.js';
import { sitingOperations } from './siting.js';
import { scenarioOperations } from './scenarios.js';
import { settingsOperations } from './settings.js';
import { standardsOperations } from './standards.js';

export const API = {
  health: healthOperations,
  accounts: accountOperations,
  regions: regionOperations,
  basemaps: basemapOperations,
  accessibility: accessibilityOperations,
  imports: importOperations,
  scenarios: scenarioOperations,
  scenarioLayers: scenarioLayerOperations,
  serviceAreas: serviceAreaOperations,
  siting: sitingOperations,
  partitionProposals: partitionProposalOperations,
  standards: standardsOperations,
  settings: settingsOperations,
  docs: docsOperations,
  events: eventOperations,
} as const;

/** Every operation of the API, resource by resource. */
export const API_OPERATIONS: readonly OperationSpec[] = Object.values(API).flatMap((resource) =>
  Object.values(resource as Record<string, OperationSpec>),
);

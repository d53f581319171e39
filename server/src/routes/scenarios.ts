import { partitionProposalOperations } from '../../../contract/partition-proposals.js';
import { scenarioLayerOperations } from '../../../contract/scenario-layers.js';
import { scenarioOperations as operations } from '../../../contract/scenarios.js';
import { requirePrincipal } from '../http/access-control.js';
import { noteForAudit } from '../http/audit-writes.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { downloadAnswer } from '../http/download.js';
import { implement } from '../http/operation-binding.js';
import { partitionProposalsOf } from '../scenarios/partition-proposals.js';
import { relocationAdviceOf, villageCandidates } from '../scenarios/scenario-advice.js';
import { comparisonExportFile } from '../scenarios/scenario-compare-export.js';
import { communitiesExportFile } from '../scenarios/scenario-export.js';
import { takeReviewStep } from '../scenarios/scenario-review.js';
import { scenarioFacilitiesCollection, scenarioPathsCollection } from '../scenarios/scenario-layer-views.js';
import {
  copyScenarioAtVersion,
  restoreScenarioVersion,
  scenarioVersionState,
  scenarioVersions,
} from '../scenarios/scenario-versions.js';
import {
  BASELINE_ID,
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  saveScenarioEdits,
} from '../scenarios/scenario-store.js';
import {
  baselineOf,
  baselineSummary,
  communitiesGeoJson,
  compareWith,
  scenarioReference,
  scenarioReach,
  scenarioState,
  unitAdjacency,
} from '../scenarios/scenario-views.js';

const GEOJSON_HEADERS = { 'content-type': 'application/geo+json; charset=utf-8' };

/** Whatever a PATCH or DELETE says, the baseline does not change: refused before the body is read. */
function refuseBaseline({ id }: { id: string }): void {
  if (id === BASELINE_ID) throw new DomainError('scenario.baseline-read-only');
}

/**
 * Boundary scenarios: `/regions/:region/scenarios…` (create, list, the baseline's communities,
 * state, export and advice), `/regions/:region/unit-adjacency` (what a client's own evaluator needs)
 * and `/scenarios/:id…` (read, delete, save edits, state, communities, compare, export, advice),
 * and partition proposals for a street on either.
 */
export function scenarioRoutes(database: Database) {
  return [
    implement(operations.create, async ({ params, body }, c) => {
      const owner = requirePrincipal(c).username;
      const created =
        body.basedOnVersion === undefined
          ? await createScenario(database, params.region, body.name, body.basedOn, owner)
          : await copyScenarioAtVersion(
              database,
              params.region,
              body.name,
              body.basedOn,
              body.basedOnVersion,
              owner,
            );
      noteForAudit(c, {
        objectId: created.id,
        toVersion: created.version,
        detail: `based on ${body.basedOn}${body.basedOnVersion === undefined ? '' : ` version ${body.basedOnVersion}`}`,
      });
      return created;
    }),
    implement(operations.list, ({ params }) => listScenarios(database, params.region)),
    implement(operations.baseline, ({ params }) => baselineSummary(database, params.region)),
    implement(operations.unitAdjacency, ({ params, query }) => unitAdjacency(database, params.region, query)),
    implement(operations.baselineState, ({ params }) => scenarioState(database, baselineOf(params.region))),
    implement(operations.baselineCommunities, async ({ params, query }) => {
      const text = await communitiesGeoJson(database, baselineOf(params.region), query);
      return new Response(text, { headers: GEOJSON_HEADERS });
    }),
    implement(operations.baselineExport, async ({ params, query }) =>
      downloadAnswer(await communitiesExportFile(database, baselineOf(params.region), query.format, query)),
    ),
    implement(operations.baselineVillageCandidates, ({ params, query }) =>
      villageCandidates(database, baselineOf(params.region), query, query.as),
    ),
    implement(operations.baselineRelocationAdvice, ({ params, query }) =>
      relocationAdviceOf(database, baselineOf(params.region), query),
    ),
    implement(operations.get, ({ params }) => {
      scenarioReference(params.id);
      return getScenario(database, params.id);
    }),
    implement(
      operations.delete,
      async ({ params }) => {
        await deleteScenario(database, params.id);
        return null;
      },
      { guard: refuseBaseline },
    ),
    implement(
      operations.save,
      async ({ params, body }, c) => {
        const saved = await saveScenarioEdits(database, params.id, body, requirePrincipal(c).username);
        noteForAudit(c, {
          fromVersion: body.version,
          toVersion: saved.version,
          detail: `${body.edits.length} edits: ${[...new Set(body.edits.map((edit) => edit.op))].join(', ')}`,
        });
        return { version: saved.version, edits: saved.edits };
      },
      { guard: refuseBaseline },
    ),
    implement(
      operations.submit,
      async ({ params, body }, c) => {
        const step = { action: 'submit' as const, version: body.version, comment: body.comment ?? '' };
        noteForAudit(c, {
          fromVersion: body.version,
          toVersion: body.version,
          detail: 'submitted for review',
        });
        return takeReviewStep(database, params.id, step, requirePrincipal(c).username);
      },
      { guard: refuseBaseline },
    ),
    implement(
      operations.decide,
      async ({ params, body }, c) => {
        const step = { action: body.decision, version: body.version, comment: body.comment };
        noteForAudit(c, {
          fromVersion: body.version,
          toVersion: body.version,
          detail: `${body.decision === 'approve' ? 'approved' : 'returned'}${body.comment ? `: ${body.comment}` : ''}`,
        });
        return takeReviewStep(database, params.id, step, requirePrincipal(c).username);
      },
      { guard: refuseBaseline },
    ),
    implement(operations.versions, ({ params }) => {
      scenarioReference(params.id);
      return scenarioVersions(database, params.id);
    }),
    implement(operations.versionState, ({ params }) => {
      scenarioReference(params.id);
      return scenarioVersionState(database, params.id, params.version);
    }),
    implement(
      operations.restoreVersion,
      async ({ params, body }, c) => {
        const restored = await restoreScenarioVersion(
          database,
          params.id,
          params.version,
          body.version,
          requirePrincipal(c).username,
        );
        noteForAudit(c, {
          fromVersion: body.version,
          toVersion: restored.version,
          detail: `restored version ${params.version}`,
        });
        return restored;
      },
      { guard: refuseBaseline },
    ),
    implement(operations.communities, async ({ params, query }) => {
      const text = await communitiesGeoJson(database, scenarioReference(params.id), query);
      return new Response(text, { headers: GEOJSON_HEADERS });
    }),
    implement(operations.state, ({ params }) => scenarioState(database, scenarioReference(params.id))),
    implement(operations.reach, ({ params, query }) =>
      scenarioReach(database, scenarioReference(params.id), query),
    ),
    implement(operations.compare, ({ params, query }) =>
      compareWith(database, scenarioReference(params.id), query.with, query),
    ),
    implement(operations.compareExport, async ({ params, query }) =>
      downloadAnswer(
        await comparisonExportFile(database, scenarioReference(params.id), query.with, query, query.format),
      ),
    ),
    implement(operations.export, async ({ params, query }) =>
      downloadAnswer(
        await communitiesExportFile(database, scenarioReference(params.id), query.format, query),
      ),
    ),
    implement(operations.villageCandidates, ({ params, query }) =>
      villageCandidates(database, scenarioReference(params.id), query, query.as),
    ),
    implement(operations.relocationAdvice, ({ params, query }) =>
      relocationAdviceOf(database, scenarioReference(params.id), query),
    ),
    implement(partitionProposalOperations.region, ({ params, body }) =>
      partitionProposalsOf(database, baselineOf(params.region), body),
    ),
    implement(partitionProposalOperations.scenario, ({ params, body }) =>
      partitionProposalsOf(database, scenarioReference(params.id), body),
    ),
    implement(scenarioLayerOperations.facilities, ({ params }) =>
      scenarioFacilitiesCollection(database, scenarioReference(params.id)),
    ),
    implement(scenarioLayerOperations.paths, ({ params }) =>
      scenarioPathsCollection(database, scenarioReference(params.id)),
    ),
  ];
}

/**
 * Why a checked import is not written, as DomainErrors of the catalogue (contract/errors.ts): the
 * data has errors, or holds nothing, or changes scenarios the user has not accepted. Each answers
 * the import's report beside the error (DomainError's `extra`), so the API client and the command
 * line can show every problem and the scenario impact.
 */
import type { ErrorCode } from '../../../contract/errors.js';
import type { ImportProblem } from '../../../core/import/import-problems.js';
import { DomainError } from '../domain-error.js';
import { reportOf, type ImportOutcome, type ImportReport } from './import-outcome.js';
import type { ScenarioImpact } from './scenario-impact.js';

/** The codes of refusals that carry the import's report. */
const REFUSALS_WITH_REPORT: readonly ErrorCode[] = [
  'import.has-problems',
  'import.nothing-to-import',
  'import.scenario-changes-unaccepted',
];

const noun = (count: number, singular: string) => (count === 1 ? singular : `${singular}s`);

/**
 * The refusal of an outcome that cannot be committed: its errors (`sorted`, errors first), the
 * first one quoted, or, without errors, a file that holds nothing to import.
 */
export function problemsRefusal(outcome: ImportOutcome, sorted: readonly ImportProblem[]): DomainError {
  const errors = sorted.filter((problem) => problem.severity === 'error');
  const fileName = outcome.file.name;
  const report = reportOf(outcome);
  if (errors.length === 0) return new DomainError('import.nothing-to-import', { fileName }, report);
  return new DomainError(
    'import.has-problems',
    {
      fileName,
      count: errors.length,
      noun: noun(errors.length, 'problem'),
      first: errors[0].message,
      firstZh: errors[0].messageZh,
    },
    report,
  );
}

/** The refusal of an outcome that changes scenarios the user has not accepted changing, naming them. */
export function scenarioChangesRefusal(outcome: ImportOutcome, impact: ScenarioImpact): DomainError {
  const { scenarios } = impact;
  return new DomainError(
    'import.scenario-changes-unaccepted',
    {
      regionId: outcome.regionId,
      count: scenarios.length,
      noun: noun(scenarios.length, 'scenario'),
      names: scenarios.map((scenario) => `"${scenario.name}"`).join(', '),
      namesZh: scenarios.map((scenario) => `“${scenario.name}”`).join('、'),
    },
    reportOf(outcome),
  );
}

/** The report a refused import answered beside its error, or null for refusals without one. */
export function refusedImportReport(error: DomainError): ImportReport | null {
  return REFUSALS_WITH_REPORT.includes(error.code) ? (error.extra as ImportReport) : null;
}

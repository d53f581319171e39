import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../../contract/errors.js';
import { makeProblem } from '../../../core/import/import-problems.js';
import { DomainError } from '../domain-error.js';
import type { ImportOutcome } from './import-outcome.js';
import { problemsRefusal, refusedImportReport, scenarioChangesRefusal } from './import-refusals.js';
import type { ScenarioImpact } from './scenario-impact.js';

const outcome = {
  regionId: 'demo',
  file: { name: 'units.csv' },
  problems: [],
  committed: false,
  features: { type: 'FeatureCollection', features: [] },
  columns: [],
  fields: [],
} as unknown as ImportOutcome;

const problem = (en: string, zh: string, severity: 'error' | 'warning' = 'error') =>
  makeProblem({ severity, code: 'not-a-number', index: 0, location: 'row 2', text: { en, zh } });

describe('problemsRefusal', () => {
  it('counts the errors and quotes the first, in both languages, with the report beside', () => {
    const refusal = problemsRefusal(outcome, [
      problem('not a number', '不是数字'),
      problem('x', 'x'),
      problem('w', 'w', 'warning'),
    ]);
    expect(refusal.code).toBe('import.has-problems');
    expect(refusal.status).toBe(422);
    expect(refusal.message).toBe('2 problems in units.csv; nothing was imported. First: row 2: not a number');
    expect(refusal.messageZh).toBe(
      'units.csv 中有 2 个问题，没有导入任何数据。第一个问题：第 2 行：不是数字',
    );
    expect(refusal.body()).toMatchObject({ regionId: 'demo', committed: false, code: 'import.has-problems' });
    expect(refusal.body()).not.toHaveProperty('features');
    expect(problemsRefusal(outcome, [problem('a', 'a')]).message).toMatch(/^1 problem in units\.csv;/);
  });

  it('says a file without errors holds nothing to import', () => {
    const refusal = problemsRefusal(outcome, [problem('w', 'w', 'warning')]);
    expect([refusal.code, refusal.status, refusal.message, refusal.messageZh]).toEqual([
      'import.nothing-to-import',
      422,
      'units.csv holds nothing to import',
      'units.csv 中没有可导入的内容',
    ]);
  });
});

describe('scenarioChangesRefusal', () => {
  it('names the scenarios changed and how to accept', () => {
    const impact = {
      scenarios: [{ name: '方案一' }, { name: 'B' }],
      requiresAcceptance: true,
    } as ScenarioImpact;
    const refusal = scenarioChangesRefusal(outcome, impact);
    expect(refusal.status).toBe(409);
    expect(refusal.message).toBe(
      'this import changes 2 scenarios of region "demo" ("方案一", "B"); read scenarioImpact and repeat with --accept-scenario-changes (API: "acceptScenarioChanges": true)',
    );
    expect(refusal.messageZh).toBe(
      '本次导入会改变区域“demo”的 2 个方案（“方案一”、“B”）；请阅读对方案的影响，确认后再导入（命令行 --accept-scenario-changes；API："acceptScenarioChanges": true）',
    );
    expect(scenarioChangesRefusal(outcome, { ...impact, scenarios: [impact.scenarios[0]] }).message).toMatch(
      /changes 1 scenario of region/,
    );
  });
});

describe('refusedImportReport', () => {
  it('gives the report of refusals of the data only', () => {
    expect(refusedImportReport(problemsRefusal(outcome, []))).toMatchObject({ regionId: 'demo' });
    expect(refusedImportReport(new DomainError('import.committed-already', { importId: 'x' }))).toBeNull();
  });
});

describe('the import codes of the catalogue', () => {
  it('fill every placeholder of both sentences from their params', () => {
    const params: Record<string, Record<string, string | number>> = {
      'import.invalid-region-id': { regionId: 'x' },
      'import.invalid-crs': { reason: 'r', reasonZh: 'r' },
      'import.file-unreadable': { reason: 'r', reasonZh: 'r' },
      'import.osm-not-network': { fileName: 'f' },
      'import.region-not-found': { regionId: 'x' },
      'import.region-exists': { regionId: 'x' },
      'import.region-name-required': {},
      'import.has-problems': { count: 1, noun: 'problem', fileName: 'f', first: 'a', firstZh: 'a' },
      'import.nothing-to-import': { fileName: 'f' },
      'import.scenario-changes-unaccepted': {
        count: 1,
        noun: 'scenario',
        regionId: 'x',
        names: 'n',
        namesZh: 'n',
      },
      'import.not-found': { importId: 'i', regionId: 'x', hours: 24 },
      'import.committed-already': { importId: 'i' },
      'import.encoding-unsupported': { fileName: 'f', namedBy: 'n', namedByZh: 'n', codePage: 'c' },
      'import.no-file': {},
      'import.not-multipart': {},
      'import.archive-too-large': { fileName: 'f', entry: 'e', reason: 'r', reasonZh: 'r' },
      'import.too-many-records': { fileName: 'f', limit: 300000 },
    };
    const codes = Object.keys(ERROR_CATALOGUE).filter((code) => code.startsWith('import.'));
    expect(codes.sort()).toEqual(Object.keys(params).sort());
    for (const code of codes) {
      const error = new DomainError(code as keyof typeof ERROR_CATALOGUE, params[code]);
      // "<name>" in the sentences is a command-line placeholder, not one of the catalogue's.
      expect(`${error.message} ${error.messageZh}`, code).not.toMatch(/\{\w+\}/);
    }
  });
});

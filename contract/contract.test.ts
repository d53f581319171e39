import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, renderError, type ErrorCode } from './errors.js';
import { API_OPERATIONS } from './index.js';
import { answerSchema, fillPath, openApiPath } from './operation.js';
import { REGION_LAYER_SCHEMAS } from './regions.js';
import { invalidRequestParams, issueZh } from './validation.js';
import { isochroneBodySchema } from './accessibility-requests.js';

const CJK = /[\u4e00-\u9fff]/;

describe('the contract', () => {
  it('declares each method and path once, each with a summary, a tag and a 400 where it reads input', () => {
    const names = API_OPERATIONS.map((spec) => `${spec.method} ${openApiPath(spec.path)}`);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of API_OPERATIONS) {
      expect(spec.summary, spec.path).toMatch(/\w/);
      expect(spec.tag, spec.path).toMatch(/^[a-z]+$/);
      if (spec.params || spec.query || spec.body) expect(spec.errors?.[400], spec.path).toBeTruthy();
      expect(spec.path, spec.path).toMatch(/^\/api\//);
    }
  });

  it('fills a path with encoded parameters, and names a missing one', () => {
    expect(
      fillPath('/api/regions/:region/:layer{(?:streets|units)}', { region: 'demo', layer: 'units' }),
    ).toBe('/api/regions/demo/units');
    expect(fillPath('/api/scenarios/:id', { id: 'a b/c' })).toBe('/api/scenarios/a%20b%2Fc');
    expect(() => fillPath('/api/scenarios/:id', {})).toThrow(/"id"/);
  });
});

describe('answer schemas', () => {
  it("checks a layer's answer against that layer's schema alone, the others for the union", () => {
    const layer = API_OPERATIONS.find(
      (spec) =>
        spec.method === 'get' &&
        spec.path.endsWith(':layer{(?:streets|communities|facilities|units|network|water)}'),
    );
    expect(layer).toBeDefined();
    for (const [name, schema] of Object.entries(REGION_LAYER_SCHEMAS)) {
      expect(answerSchema(layer!, { region: 'demo', layer: name })).toBe(schema);
    }
    // Without the parameter (documentation, a path it does not know): every layer's alternative.
    expect(answerSchema(layer!)).toBe(layer!.response.content?.['application/geo+json']);
    expect(answerSchema(layer!, { layer: 'toString' })).toBe(
      layer!.response.content?.['application/geo+json'],
    );
  });
});

describe('the error catalogue', () => {
  it('gives every code a kebab-case name, a 4xx/5xx status and a sentence in both languages', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.en.trim()).not.toBe('');
      // Chinese unless the whole sentence is a param the server already wrote in Chinese.
      if (!/^\{\w+\}$/.test(entry.zh)) expect(entry.zh, code).toMatch(CJK);
    }
  });

  it('fills placeholders from params and leaves unknown ones as written', () => {
    const code: ErrorCode = 'region.not-found';
    expect(renderError(code, { regionId: 'demo' }, 'en')).toBe('no region "demo"');
    expect(renderError(code, { regionId: 'demo' }, 'zh')).toBe('没有区域“demo”');
    expect(renderError(code, {}, 'en')).toBe('no region "{regionId}"');
  });
});

describe('validation messages', () => {
  it('says each refused field in English and Chinese, with custom refusals in their own Chinese', () => {
    const result = isochroneBodySchema.safeParse({ origins: [[1, 2]], minutes: [10, 5], mode: 'star' });
    expect(result.success).toBe(false);
    const params = invalidRequestParams(result.error!.issues as never);
    expect(params.reason).toMatch(
      /^minutes\[1\]: minutes must ascend without repeats: 5 follows 10; mode: must be "rings" or "disks", got "star"$/,
    );
    expect(params.reasonZh).toBe(
      'minutes[1]：分钟数应递增且不重复：5 排在 10 之后；mode：应为 "rings"、"disks" 之一',
    );
    expect(params.field).toBe('minutes[1], mode');
  });

  it('puts zod’s own issues into Chinese by their code', () => {
    expect(
      issueZh({ code: 'too_big', maximum: 3, inclusive: true, origin: 'number', path: [], message: '' }),
    ).toBe('应不大于 3');
    expect(issueZh({ code: 'too_small', minimum: 1, origin: 'array', path: [], message: '' })).toBe(
      '至少应有 1 项',
    );
    expect(issueZh({ code: 'unrecognized_keys', keys: ['x'], path: [], message: '' })).toBe(
      '不认识的字段 “x”',
    );
    expect(issueZh({ code: 'invalid_type', expected: 'number', path: [], message: '' })).toBe('应为数字');
  });
});

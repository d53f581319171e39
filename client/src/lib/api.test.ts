import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRegions, fetchScenarioComparison } from './api';

/** Answers every fetch with `body` as JSON and `status`. */
function answerWith(body: unknown, status = 200) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    ),
  );
}

const REGION = {
  id: 'demo',
  name: '峒江县城',
  nameEn: null,
  bbox: [109.7, 28.2, 109.8, 28.3],
  synthetic: true,
  metricSrid: 4546,
  attribution: null,
  profile: 'leshan',
  dataLoadedAt: '2026-12-01T08:00:00.000Z',
};

describe('calls through the contract', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks the path the contract declares, with the params and query filled in', async () => {
    answerWith({});
    await fetchScenarioComparison('s 1', 'baseline', { profile: 'kaili', speedMetersPerSecond: '0.8' });
    expect(vi.mocked(fetch).mock.calls[0][0]).toBe(
      '/api/scenarios/s%201/compare?profile=kaili&speedMetersPerSecond=0.8&with=baseline',
    );
  });

  it('passes an answer that matches the contract, and refuses one that does not, naming where', async () => {
    answerWith([REGION]);
    expect(await fetchRegions()).toEqual({ ok: true, data: [REGION] });

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    answerWith([{ ...REGION, metricSrid: 'EPSG:4546' }]);
    const drifted = await fetchRegions();
    expect(drifted.ok).toBe(false);
    if (!drifted.ok)
      expect(drifted.error.message).toMatch(
        /GET \/api\/regions does not match the contract at "0\.metricSrid"/,
      );
    expect(logged.mock.calls[0][0]).toMatch(/^\[contract\]/);
  });

  it('reads a refusal in the one error shape', async () => {
    answerWith(
      { error: 'no region "x"', errorZh: '没有区域“x”', code: 'region.not-found', params: { regionId: 'x' } },
      404,
    );
    const refused = await fetchRegions();
    expect(refused).toMatchObject({
      ok: false,
      error: { status: 404, message: 'no region "x"', body: { code: 'region.not-found' } },
    });
  });
});

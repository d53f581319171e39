import { describe, expect, it, vi } from 'vitest';
import type { ApiError, ApiResult } from './api';
import { apiErrorOf, createQueryClient, defineRead } from './cached-read';

const reported: ApiError[] = [];
vi.mock('./notices', () => ({ reportError: (error: ApiError) => reported.push(error) }));

const refusal: ApiError = {
  status: 400,
  message: 'origins[0] lies outside the region',
  path: '/api/x',
  aborted: false,
};

describe('defineRead', () => {
  it('caches an answer under its key and asks once', async () => {
    const call = vi.fn(async ({ n }: { n: number }): Promise<ApiResult<number>> => ({
      ok: true,
      data: n * 2,
    }));
    const read = defineRead(({ n }: { n: number }) => ['double', n], call);
    const client = createQueryClient();
    expect(await client.fetchQuery(read.options({ n: 21 }))).toBe(42);
    expect(await client.fetchQuery(read.options({ n: 21 }))).toBe(42);
    expect(call).toHaveBeenCalledTimes(1);
    expect(client.getQueryData(['double', 21])).toBe(42);
  });

  it('hands a failed call to the cache once, as the ApiError it was, without retrying', async () => {
    reported.length = 0;
    const call = vi.fn(async (): Promise<ApiResult<number>> => ({ ok: false, error: refusal }));
    const read = defineRead(() => ['refused'], call);
    const client = createQueryClient();
    const failure = await client.fetchQuery(read.options({})).catch((error: unknown) => error);
    expect(apiErrorOf(failure)).toEqual(refusal);
    expect(call).toHaveBeenCalledTimes(1);
    expect(reported).toEqual([refusal]);
  });
});

describe('apiErrorOf', () => {
  it('shows a bug in a query function like a failed call', () => {
    expect(apiErrorOf(new TypeError('x is undefined'))).toEqual({
      status: null,
      message: 'x is undefined',
      path: '',
      aborted: false,
    });
  });
});

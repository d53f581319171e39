/**
 * Every GET the client does goes through one TanStack Query cache, as in conveyal analysis-ui's
 * factory of cached read hooks over its safe fetch: `defineRead` turns one typed call of lib/api.ts
 * (which never throws) and its key (lib/query-keys.ts) into a hook and the options for
 * `useQueries`. A failed call is reported once, by the cache (lib/notices.ts de-duplicates), and
 * reaches the component as `error`. Reads are neither retried nor refreshed on focus: the data
 * changes only when the planner changes it here, and those places drop what they changed.
 */
import { QueryCache, QueryClient, skipToken, useQuery, type QueryKey } from '@tanstack/react-query';
import type { ApiError, ApiResult } from './api';
import { reportError } from './notices';

/**
 * The query function's way to hand a failed call to the cache (TanStack Query knows failure only
 * as a thrown error). Nothing outside this module sees it: hooks give back the ApiError inside.
 */
class ApiFailure extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'ApiFailure';
  }
}

/** The ApiError behind whatever the cache holds as a query's error. */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.apiError;
  // Only a bug in a query function throws anything else: show it like a failed call.
  return {
    status: null,
    message: error instanceof Error ? error.message : String(error),
    path: '',
    aborted: false,
  };
}

/** The one QueryClient of the app (main.tsx provides it); tests make their own. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => reportError(apiErrorOf(error)) }),
    defaultOptions: {
      queries: {
        retry: false,
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

/** What a read hook gives a component. */
export interface ReadState<T> {
  /** The answer, or undefined while none has arrived for these parameters (or the read failed). */
  data: T | undefined;
  error: ApiError | null;
  /** Asked and no answer yet (the first load of these parameters). */
  loading: boolean;
  /** A request is on its way (the first load, or again after its data was dropped). */
  fetching: boolean;
}

export interface ReadOptions<T> {
  queryKey: QueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<T>;
}

export interface CachedRead<P, T> {
  /** The query of one set of parameters, for `useQueries` or the query client. */
  options: (params: P) => ReadOptions<T>;
  /** The cached answer for `params`; null reads nothing (no region yet, a closed section). */
  use: (params: P | null) => ReadState<T>;
}

/** Key of the query observed while a read has nothing to read: never fetched. */
const IDLE_KEY = ['idle'] as const;

/**
 * One cached read: `key` names the answer of `params`, `call` asks the API for it (a function of
 * lib/api.ts, or several of them whose answers are shown together).
 */
export function defineRead<P, T>(
  key: (params: P) => QueryKey,
  call: (params: P, signal: AbortSignal) => Promise<ApiResult<T>>,
): CachedRead<P, T> {
  const options = (params: P): ReadOptions<T> => ({
    queryKey: key(params),
    queryFn: async ({ signal }) => {
      const result = await call(params, signal);
      if (!result.ok) throw new ApiFailure(result.error);
      return result.data;
    },
  });
  function useRead(params: P | null): ReadState<T> {
    const query = useQuery<T>(params === null ? { queryKey: IDLE_KEY, queryFn: skipToken } : options(params));
    return {
      data: query.data,
      error: query.error ? apiErrorOf(query.error) : null,
      loading: query.isLoading,
      fetching: query.isFetching,
    };
  }
  return { options, use: useRead };
}

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Region } from '../lib/api-types';
import { queryKeys } from '../lib/query-keys';
import { useRegionsRead } from '../lib/reads';

const NO_PARAMS = {};

/**
 * The regions the server holds; null while loading (or after a failure, which the cache reports).
 * `reload` asks again, e.g. after an import created a region.
 */
export function useRegions(): { regions: Region[] | null; failed: boolean; reload: () => Promise<void> } {
  const queryClient = useQueryClient();
  const read = useRegionsRead(NO_PARAMS);
  const reload = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKeys.regions() }),
    [queryClient],
  );
  return { regions: read.data ?? null, failed: read.error !== null && !read.error.aborted, reload };
}

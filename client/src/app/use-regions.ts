import { useCallback, useEffect, useState } from 'react';
import { fetchRegions } from '../lib/api';
import type { Region } from '../lib/api-types';
import { reportError } from '../lib/notices';

/**
 * The regions the server holds; null while loading (or after a failure, which is reported).
 * `reload` asks again, e.g. after an import created a region.
 */
export function useRegions(): { regions: Region[] | null; failed: boolean; reload: () => void } {
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    void fetchRegions(controller.signal).then((result) => {
      if (result.ok) setRegions(result.data);
      else {
        reportError(result.error);
        if (!result.error.aborted) setFailed(true);
      }
    });
    return () => controller.abort();
  }, [version]);
  const reload = useCallback(() => setVersion((previous) => previous + 1), []);
  return { regions, failed, reload };
}

import { useEffect, useState } from 'react';
import { fetchRegions } from '../lib/api';
import type { Region } from '../lib/api-types';
import { reportError } from '../lib/notices';

/** The regions the server holds; null while loading (or after a failure, which is reported). */
export function useRegions(): { regions: Region[] | null; failed: boolean } {
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [failed, setFailed] = useState(false);
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
  }, []);
  return { regions, failed };
}

/**
 * Leaving the page (a reload, closing the tab, another address) with unsaved scenario edits asks
 * first: the browser shows its own confirmation when `beforeunload` is cancelled.
 */
import { useEffect } from 'react';

export function useLeaveGuard(unsavedEdits: boolean): void {
  useEffect(() => {
    if (!unsavedEdits) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsavedEdits]);
}

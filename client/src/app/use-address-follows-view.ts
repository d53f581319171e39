/**
 * Keeps the address bar on what is on screen (lib/address.ts): the sidebar's tab and the open
 * scenario and the region shown, and opens the scenario a link names once its region is shown. The
 * map writes its own view (map/use-maplibre-map.ts).
 */
import { useEffect, useRef } from 'react';
import { OPENED_ADDRESS, writeAddress, type SidebarTab } from '../lib/address';
import type { ScenarioEditor } from '../features/scenarios/use-scenario-editor';

export function useAddressFollowsView(
  regionId: string | null,
  tab: SidebarTab,
  editor: ScenarioEditor,
): void {
  useEffect(() => {
    if (regionId) writeAddress({ region: regionId });
  }, [regionId]);
  useEffect(() => {
    writeAddress({ tab: tab === 'layers' ? null : tab });
  }, [tab]);

  // The link's scenario, opened once its region is on screen (a wrong id is reported and closed).
  const linkedScenario = useRef(OPENED_ADDRESS.scenario);
  const { open } = editor;
  useEffect(() => {
    const id = linkedScenario.current;
    if (!id || !regionId) return;
    linkedScenario.current = null;
    if (OPENED_ADDRESS.region === null || OPENED_ADDRESS.region === regionId) open(id);
  }, [regionId, open]);

  const openId = editor.openSummary?.id ?? (editor.session ? editor.session.saved.id : null);
  useEffect(() => {
    // Until the link's scenario is opened, the address keeps naming it.
    if (linkedScenario.current !== null) return;
    writeAddress({ scenario: openId });
  }, [openId]);
}

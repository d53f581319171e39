/**
 * Figures no source document states that the rules still need: this tool's own choices, shown as
 * "工具默认 / tool default" wherever they decide a result, and editable per request.
 */

import type { Bilingual } from '../text/bilingual.js';

export interface ToolSettings {
  /**
   * Share of a community's residents (0–1) who must reach a category within its tier for a reach
   * rule to pass. No seed states one: "每个社区配建" asks for provision, not for a walking share.
   */
  reachShare: number;
  /**
   * Straight-line distance, metres, within which a health centre counts as "毗邻" (next to) an
   * elderly-care facility (002 三、（一）3, 003 （十）, 004 三、（三）8 say 毗邻 and give no distance).
   */
  adjacencyMeters: number;
}

export const TOOL_DEFAULTS: Readonly<ToolSettings> = Object.freeze({ reachShare: 0.8, adjacencyMeters: 200 });

export type ToolSettingId = keyof ToolSettings;

export const TOOL_SETTING_NOTES: Readonly<Record<ToolSettingId, Bilingual>> = {
  reachShare: {
    zh: '步行覆盖比例为工具默认（文件未规定比例），可调整',
    en: 'The walking-reach share is a tool default (no document states one) and can be changed',
  },
  adjacencyMeters: {
    zh: '“毗邻”的距离为工具默认（文件未规定距离），可调整',
    en: 'The distance that counts as “next to” is a tool default (no document states one) and can be changed',
  },
};

export const TOOL_SETTING_OUT_OF_RANGE = 'tool-setting-out-of-range';

/**
 * The settings in force: the defaults with the caller's changes. Returns a reason for a share
 * outside (0, 1] or a distance outside (0, 5 000] m.
 */
export function toolSettings(
  changes: Partial<ToolSettings> = {},
):
  | { ok: true; settings: ToolSettings }
  | { ok: false; reason: typeof TOOL_SETTING_OUT_OF_RANGE; setting: ToolSettingId } {
  const settings = { ...TOOL_DEFAULTS, ...changes };
  if (!(settings.reachShare > 0 && settings.reachShare <= 1))
    return { ok: false, reason: TOOL_SETTING_OUT_OF_RANGE, setting: 'reachShare' };
  if (!(settings.adjacencyMeters > 0 && settings.adjacencyMeters <= 5000)) {
    return { ok: false, reason: TOOL_SETTING_OUT_OF_RANGE, setting: 'adjacencyMeters' };
  }
  return { ok: true, settings };
}

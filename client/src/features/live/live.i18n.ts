/** Live presence and change notices; Chinese first (lib/i18n.ts merges every table). */
import { defineMessages } from '../../lib/message-table';

export const liveMessages = defineMessages(
  {
    'live.presence': '正在查看',
    'live.presenceLabel': '同时打开此方案的其他用户',
    'live.viewerSince': '{name}（{role}），{at} 起在查看',
    'live.savedByOther': '{name} 刚保存了版本 {n}',
    'live.savedByOtherHint': '您看到的仍是打开时的版本；保存时会与新版本核对。',
    'live.dismiss': '知道了',
  },
  {
    'live.presence': 'Also viewing',
    'live.presenceLabel': 'Other users with this scenario open',
    'live.viewerSince': '{name} ({role}), viewing since {at}',
    'live.savedByOther': '{name} just saved version {n}',
    'live.savedByOtherHint':
      'You still see the version you opened; your save is checked against the new one.',
    'live.dismiss': 'Dismiss',
  },
);

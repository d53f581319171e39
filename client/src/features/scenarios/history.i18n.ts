/** Interface strings of kept drafts and the version history (版本记录), Chinese first (lib/i18n.ts merges them). */
import { defineMessages } from '../../lib/message-table';

export const historyMessages = defineMessages(
  {
    'draft.restored': '已恢复上次未保存的 {n} 项修改（{time} 记录，基于第 {v} 版）。',
    'draft.newer': '此方案此后已保存到第 {n} 版；这些修改是在第 {v} 版上做的，保存时将按版本冲突处理。',
    'draft.dropped': '另有 {n} 项修改在当前版本上已无法应用，未恢复。',
    'draft.discard': '放弃这些修改',
    'draft.keep': '保留修改',
    'draft.notStored': '浏览器未能保存草稿（存储已满或被禁用），刷新页面将丢失未保存的修改。',
  },
  {
    'draft.restored': 'Restored {n} unsaved edits from last time (kept {time}, made on version {v}).',
    'draft.newer':
      'This scenario has since been saved up to version {n}; these edits were made on version {v} and will be saved as a version conflict.',
    'draft.dropped': '{n} more edits no longer apply to the current version and were not restored.',
    'draft.discard': 'Discard these edits',
    'draft.keep': 'Keep the edits',
    'draft.notStored':
      'The browser could not keep a draft (storage full or disabled): a reload will lose the unsaved edits.',
  },
);

/**
 * Interface strings of a save rebased after someone saved first (use-save-rebase.ts): the merge
 * notice, the conflict panel and its three choices. Chinese first (lib/i18n.ts merges them).
 */
import { defineMessages } from '../../lib/message-table';

export const rebaseMessages = defineMessages(
  {
    'rebase.merged': '已合并 {author} 在版本 {n} 的保存，您的 {k} 项修改已保存为版本 {m}。',
    'rebase.mergedRename': '已合并他人在版本 {n} 的改名，您的 {k} 项修改已保存为版本 {m}。',
    'rebase.someone': '他人',
    'rebase.conflictTitle': '{n} 项修改与他人的保存冲突，尚未保存',
    'rebase.conflictIntro':
      '您的修改基于第 {from} 版，方案此后已被保存到第 {to} 版。以下修改涉及他人已改动的对象：',
    'rebase.with': '与 {author} 于 {time} 保存的第 {n} 版冲突',
    'rebase.withRefused': '在当前版本上已无法应用（他人于第 {n} 版的保存之后）',
    'rebase.objects': '（同一{objects}）',
    'rebase.object.unit': '单元',
    'rebase.object.community': '社区',
    'rebase.object.facility': '设施',
    'rebase.object.path': '新增路径',
    'rebase.object.edge': '路段',
    'rebase.rest': '其余 {n} 项修改不冲突。',
    'rebase.noRest': '没有不冲突的修改。',
    'rebase.saveRest': '保存其余修改',
    'rebase.saveRestHint': '在最新版本上保存不冲突的修改，冲突的修改将被放弃',
    'rebase.drop': '放弃冲突的修改',
    'rebase.dropHint': '放弃冲突的修改，其余修改留在最新版本上继续编辑',
    'rebase.saveAsNew': '另存为新方案',
    'rebase.saveAsNewHint': '以您开始编辑时的版本为基础，把全部修改保存为一个新方案',
    'rebase.copyName': '{name}（另存）',
    'rebase.savedRest': '已保存 {k} 项不冲突的修改为第 {m} 版；{d} 项冲突的修改已放弃。',
    'rebase.savedNone': '没有可保存的修改；{d} 项冲突的修改已放弃，方案已载入第 {m} 版。',
    'rebase.keptRest': '已放弃 {d} 项冲突的修改；其余 {k} 项修改保留在第 {m} 版上，可继续编辑。',
    'rebase.savedAsNew': '全部 {k} 项修改已另存为新方案“{name}”（第 {m} 版）。',
  },
  {
    'rebase.merged': 'Merged the save of {author} at version {n}; your {k} edits were saved as version {m}.',
    'rebase.mergedRename': 'Merged the rename at version {n}; your {k} edits were saved as version {m}.',
    'rebase.someone': 'someone else',
    'rebase.conflictTitle': '{n} edits collide with someone else’s save and were not saved',
    'rebase.conflictIntro':
      'Your edits were made on version {from}; the scenario has since been saved up to version {to}. These edits touch what others changed:',
    'rebase.with': 'collides with version {n}, saved by {author} at {time}',
    'rebase.withRefused': 'no longer applies to the current version (after the save of version {n})',
    'rebase.objects': ' (the same {objects})',
    'rebase.object.unit': 'unit',
    'rebase.object.community': 'community',
    'rebase.object.facility': 'facility',
    'rebase.object.path': 'added path',
    'rebase.object.edge': 'network edge',
    'rebase.rest': 'The other {n} edits do not collide.',
    'rebase.noRest': 'No edit is free of conflicts.',
    'rebase.saveRest': 'Save the rest',
    'rebase.saveRestHint':
      'Save the edits that do not collide on the latest version; the colliding ones are dropped',
    'rebase.drop': 'Drop the colliding edits',
    'rebase.dropHint': 'Drop the colliding edits; the rest stay pending on the latest version',
    'rebase.saveAsNew': 'Save as a new scenario',
    'rebase.saveAsNewHint': 'Save every edit as a new scenario based on the version you started from',
    'rebase.copyName': '{name} (saved apart)',
    'rebase.savedRest':
      'Saved the {k} edits that did not collide as version {m}; {d} colliding edits were dropped.',
    'rebase.savedNone': 'Nothing left to save; {d} colliding edits were dropped and version {m} is loaded.',
    'rebase.keptRest': 'Dropped {d} colliding edits; the other {k} stay pending on version {m}.',
    'rebase.savedAsNew': 'All {k} edits were saved as the new scenario “{name}” (version {m}).',
  },
);

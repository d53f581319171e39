/** Interface strings of the download links, Chinese first (lib/i18n.ts merges every table). */
import { defineMessages } from '../../lib/message-table';

export const exportMessages = defineMessages(
  {
    'export.title': '数据导出',
    'export.download': '下载{what}（{format}）',
    'export.coverage': '各社区覆盖率',
    'export.heatmap': '热力图网格',
    'export.isochrones': '等时圈',
    'export.difference': '导出差异',
  },
  {
    'export.title': 'Export data',
    'export.download': 'Download {what} ({format})',
    'export.coverage': 'Coverage by community',
    'export.heatmap': 'Heat-map grid',
    'export.isochrones': 'Isochrones',
    'export.difference': 'Export the difference',
  },
);

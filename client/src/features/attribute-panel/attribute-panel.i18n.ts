/** Interface strings of the attribute panel, Chinese first (lib/i18n.ts merges every table). */
import { defineMessages } from '../../lib/message-table';

export const attributePanelMessages = defineMessages(
  {
    'panel.title': '属性',
    'panel.empty': '点击地图上的社区或设施，查看其属性。',
    'panel.close': '关闭',
    'panel.community': '社区',
    'panel.facility': '公共服务设施',
    'panel.facilitiesInCommunity': '社区内设施',
    'panel.noFacilities': '暂无设施',
  },
  {
    'panel.title': 'Attributes',
    'panel.empty': 'Click a community or facility on the map to see its attributes.',
    'panel.close': 'Close',
    'panel.community': 'Community',
    'panel.facility': 'Facility',
    'panel.facilitiesInCommunity': 'Facilities in this community',
    'panel.noFacilities': 'No facilities',
  },
);

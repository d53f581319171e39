/** Interface strings of the map legends (road classes included), Chinese first (lib/i18n.ts merges every table). */
import { defineMessages } from '../../lib/message-table';

export const legendMessages = defineMessages(
  {
    'legend.communityTypes': '社区类型',
    'legend.facilityCategories': '设施类别',
    'legend.density': '人口密度 (人/公顷)',
    'legend.dots': '人口单元常住人口 (人)',
    'legend.networkClasses': '道路等级',
    'legend.showAll': '全部显示',
    'legend.toggleCategory': '点击显示或隐藏此类别',
    'network.arterial': '主干路',
    'network.street': '支路',
    'network.alley': '巷道',
    'network.footway': '步行道',
    'network.steps': '台阶',
    'network.track': '机耕道',
  },
  {
    'legend.communityTypes': 'Community types',
    'legend.facilityCategories': 'Facility categories',
    'legend.density': 'Population density (residents/ha)',
    'legend.dots': 'Residents per unit',
    'legend.networkClasses': 'Path classes',
    'legend.showAll': 'Show all',
    'legend.toggleCategory': 'Click to show or hide this category',
    'network.arterial': 'Arterial road',
    'network.street': 'Street',
    'network.alley': 'Alley',
    'network.footway': 'Footway',
    'network.steps': 'Steps',
    'network.track': 'Track',
  },
);

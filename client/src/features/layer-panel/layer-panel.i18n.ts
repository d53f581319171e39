/** Interface strings of the layers panel, Chinese first (lib/i18n.ts merges every table). */
import { defineMessages } from '../../lib/message-table';

export const layerPanelMessages = defineMessages(
  {
    'layers.title': '图层',
    'layers.streets': '街道边界',
    'layers.communities': '社区',
    'layers.facilities': '公共服务设施',
    'layers.population': '人口分布',
    'layers.network': '步行网络',
    'layers.labels': '名称标注',
    'layers.loading': '加载中',
    'layers.count': '{n} 个',
    'population.dots': '人口点',
    'population.density': '人口密度',
  },
  {
    'layers.title': 'Layers',
    'layers.streets': 'Street boundaries',
    'layers.communities': 'Communities',
    'layers.facilities': 'Facilities',
    'layers.population': 'Population',
    'layers.network': 'Walking network',
    'layers.labels': 'Labels',
    'layers.loading': 'loading',
    'layers.count': '{n}',
    'population.dots': 'Dots',
    'population.density': 'Density',
  },
);

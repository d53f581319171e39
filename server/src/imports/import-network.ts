/**
 * The network layer of an import: road centrelines (or an OSM extract's walkable ways) split into
 * edges in core/network, and what the preview says about them. A network is replaced as a whole.
 */
import type { Position } from '../../../core/geometry/position.js';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import type { ProblemLog } from '../../../core/import/import-problems.js';
import { isEdgeClass } from '../../../core/network/edge-classes.js';
import { buildRoadNetwork, type RoadNetwork } from '../../../core/network/road-network.js';

/**
 * The network the features make (features with errors left out), reporting a network the region
 * has that `replace` does not replace, an empty result, dropped lines and separate pieces.
 */
export function buildImportNetwork(
  features: readonly ImportFeature[],
  options: { edgesBefore: number; replace: boolean },
  log: ProblemLog,
): RoadNetwork {
  if (options.edgesBefore > 0 && !options.replace) {
    log.report({
      code: 'id-exists',
      text: {
        en: `the region has a network of ${options.edgesBefore} edges: a network is replaced as a whole (pass --replace)`,
        zh: `区域已有 ${options.edgesBefore} 条路段的道路网：道路网只能整体替换（勾选“替换整个图层”，命令行 --replace）`,
      },
    });
  }
  const usable = features.filter((feature) => !feature.hasErrors);
  const network = buildRoadNetwork(
    usable.map((feature) => ({
      lines:
        feature.geometry.type === 'LineString'
          ? [feature.geometry.coordinates]
          : (feature.geometry.coordinates as Position[][]),
      edgeClass: isEdgeClass(feature.properties.class) ? feature.properties.class : 'street',
      bridge: feature.properties.bridge === true,
      featureId: feature.id,
    })),
  );
  if (network.edges.length === 0)
    log.report({
      code: 'geometry-missing',
      field: 'geometry',
      text: { en: 'no usable road lines: the network would be empty', zh: '没有可用的道路线：道路网将为空' },
    });
  if (network.droppedLines > 0) {
    log.report({
      severity: 'warning',
      code: 'geometry-malformed',
      field: 'geometry',
      text: {
        en: `${network.droppedLines} closed lines of fewer than three distinct vertices were left out`,
        zh: `${network.droppedLines} 条首尾相接、但不同顶点少于三个的线已略去`,
      },
    });
  }
  if (network.componentNodeCounts.length > 1) {
    log.report({
      severity: 'warning',
      code: 'derived',
      field: 'geometry',
      text: {
        en:
          `the network has ${network.componentNodeCounts.length} separate pieces (largest ${network.componentNodeCounts[0]} of ${network.nodes.length} nodes): ` +
          'roads join only where they share a vertex; snap crossings in your GIS if they should connect',
        zh:
          `道路网分为 ${network.componentNodeCounts.length} 个互不连通的部分（${network.nodes.length} 个节点中最大的部分有 ${network.componentNodeCounts[0]} 个）：` +
          '道路只在共用顶点处相连；如果交叉处应当连通，请在 GIS 软件中捕捉对齐',
      },
    });
  }
  return network;
}

/**
 * Connected pieces of a walking network: a network in several pieces leaves the residents of the
 * smaller ones cut off, so both importers report them.
 */

export interface NetworkComponents {
  count: number;
  /** Node counts of the components, largest first. */
  nodeCounts: number[];
}

/** Connected components of the edges' nodes (union–find with path halving). */
export function connectedComponents(edges: readonly { source: number; target: number }[]): NetworkComponents {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let node = id;
    if (!parent.has(node)) parent.set(node, node);
    while (parent.get(node) !== node) {
      const grandparent = parent.get(parent.get(node)!)!;
      parent.set(node, grandparent);
      node = grandparent;
    }
    return node;
  };
  for (const { source, target } of edges) {
    const a = find(source);
    const b = find(target);
    if (a !== b) parent.set(a, b);
  }
  const sizes = new Map<number, number>();
  for (const id of parent.keys()) {
    const root = find(id);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  const nodeCounts = [...sizes.values()].sort((a, b) => b - a);
  return { count: nodeCounts.length, nodeCounts };
}

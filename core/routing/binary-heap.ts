/**
 * A binary min-heap of integer items 0…capacity−1 keyed by float64, with decrease-key. Typed arrays
 * and a position index keep it allocation-free: each item is in the heap at most once, so its size
 * never exceeds the capacity (for Dijkstra, the node count).
 */
export class IndexedMinHeap {
  private readonly items: Uint32Array;
  private readonly keys: Float64Array;
  /** Each item's slot in `items`, or −1 when it is not in the heap. */
  private readonly positions: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.items = new Uint32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.positions = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** Inserts `item` with `key`, or lowers its key if it is already in the heap; a higher key is ignored. */
  insertOrDecrease(item: number, key: number): void {
    const position = this.positions[item];
    if (position < 0) {
      this.siftUp(this.count++, item, key);
    } else if (key < this.keys[position]) {
      this.siftUp(position, item, key);
    }
  }

  /** Removes and returns the item with the smallest key; the heap must not be empty. */
  pop(): number {
    if (this.count === 0) throw new Error('pop from an empty IndexedMinHeap');
    const top = this.items[0];
    this.positions[top] = -1;
    this.count -= 1;
    if (this.count > 0) this.siftDown(0, this.items[this.count], this.keys[this.count]);
    return top;
  }

  /** Empties the heap, touching only the items still in it. */
  clear(): void {
    for (let slot = 0; slot < this.count; slot += 1) this.positions[this.items[slot]] = -1;
    this.count = 0;
  }

  /** Moves the hole at `slot` up until `key` fits, then places `item` there. */
  private siftUp(slot: number, item: number, key: number): void {
    const { items, keys, positions } = this;
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      if (keys[parent] <= key) break;
      items[slot] = items[parent];
      keys[slot] = keys[parent];
      positions[items[slot]] = slot;
      slot = parent;
    }
    items[slot] = item;
    keys[slot] = key;
    positions[item] = slot;
  }

  /** Moves the hole at `slot` down until `key` fits, then places `item` there. */
  private siftDown(slot: number, item: number, key: number): void {
    const { items, keys, positions, count } = this;
    for (;;) {
      let child = 2 * slot + 1;
      if (child >= count) break;
      if (child + 1 < count && keys[child + 1] < keys[child]) child += 1;
      if (keys[child] >= key) break;
      items[slot] = items[child];
      keys[slot] = keys[child];
      positions[items[slot]] = slot;
      slot = child;
    }
    items[slot] = item;
    keys[slot] = key;
    positions[item] = slot;
  }
}

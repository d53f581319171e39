import { describe, expect, it } from 'vitest';
import { IndexedMinHeap } from './binary-heap.js';
import { seededRandom } from './synthetic-grid.js';

const drain = (heap: IndexedMinHeap) => {
  const items: number[] = [];
  while (heap.size > 0) items.push(heap.pop());
  return items;
};

describe('IndexedMinHeap', () => {
  it('pops items in order of their keys', () => {
    const random = seededRandom(7);
    const keys = Array.from({ length: 500 }, () => Math.floor(random() * 1000) / 10);
    const heap = new IndexedMinHeap(keys.length);
    keys.forEach((key, item) => heap.insertOrDecrease(item, key));
    const popped = drain(heap);
    expect(popped).toHaveLength(keys.length);
    expect(new Set(popped).size).toBe(keys.length);
    expect(popped.map((item) => keys[item])).toEqual([...keys].sort((a, b) => a - b));
  });

  it('lowers a key in place and ignores a higher one', () => {
    const heap = new IndexedMinHeap(4);
    heap.insertOrDecrease(0, 5);
    heap.insertOrDecrease(1, 3);
    heap.insertOrDecrease(2, 4);
    heap.insertOrDecrease(0, 1);
    heap.insertOrDecrease(1, 9);
    expect(heap.size).toBe(3);
    expect(drain(heap)).toEqual([0, 1, 2]);
  });

  it('takes an item again after it was popped or cleared', () => {
    const heap = new IndexedMinHeap(3);
    heap.insertOrDecrease(2, 1);
    expect(heap.pop()).toBe(2);
    heap.insertOrDecrease(2, 8);
    heap.insertOrDecrease(1, 9);
    heap.clear();
    expect(heap.size).toBe(0);
    heap.insertOrDecrease(1, 2);
    heap.insertOrDecrease(2, 1);
    expect(drain(heap)).toEqual([2, 1]);
    expect(() => heap.pop()).toThrow(/empty/);
  });
});

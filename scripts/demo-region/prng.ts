/**
 * Deterministic randomness for the demo generator. Every consumer draws from its own named stream,
 * so changing how one part of the town is generated does not reshuffle every other part.
 */

/** The demo's fixed seed: the same seed gives the same bytes on every run. */
export const DEMO_SEED = 20240628;
/** jishou-demo's fixed seed (the month of seed 000's plan, 2021-11). */
export const JISHOU_SEED = 20211130;

/** mulberry32 (Tommy Ettinger, public domain): a small, fast 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a hash of a string, to derive stream seeds from names. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A stateless value in [0, 1) for integer coordinates — used for per-node jitter so a node's
 * position does not depend on the order nodes are visited in.
 */
export function hashUnit(seed: number, a: number, b: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ Math.imul(b + 0x165667b1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** A seeded random stream with the helpers the generator needs. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[];
}

/** The random stream named `stream` under `seed`. */
export function createRandom(seed: number, stream: string): Random {
  const next = mulberry32(seed ^ hashString(stream));
  const random: Random = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffled: (items) => {
      const copy = [...items];
      for (let k = copy.length - 1; k > 0; k--) {
        const m = Math.floor(next() * (k + 1));
        [copy[k], copy[m]] = [copy[m], copy[k]];
      }
      return copy;
    },
  };
  return random;
}

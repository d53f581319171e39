/**
 * A small seeded pseudo-random generator, so a partition proposal is the same for the same seed on
 * every machine: mulberry32 (Tommy Ettinger's 32-bit generator, as in the demo-region generator).
 */

/** Uniform numbers in [0, 1) from `seed` (any number; its low 32 bits are used). */
export type RandomSource = () => number;

export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, count). */
export function randomIndex(random: RandomSource, count: number): number {
  return Math.min(count - 1, Math.floor(random() * count));
}

/** Shuffles `values` in place (Fisher–Yates) and returns them. */
export function shuffleInPlace<T>(random: RandomSource, values: T[]): T[] {
  for (let k = values.length - 1; k > 0; k -= 1) {
    const j = randomIndex(random, k + 1);
    [values[k], values[j]] = [values[j], values[k]];
  }
  return values;
}

/** The seed of attempt `attempt` of a run seeded `seed`: distinct, well mixed, deterministic. */
export function attemptSeed(seed: number, attempt: number): number {
  let hash = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
  hash = Math.imul(hash ^ (attempt + 1) ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A seeded pseudo-random source: the same seed and label give the same sequence, on every run. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** n distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], n: number): T[];
}

/** Relative weights of a set of values: `{ zorg: 30, welzijn: 10 }`. */
export type Weights<T extends string> = Readonly<Partial<Record<T, number>>>;

/** FNV-1a over the label's UTF-16 units: a stable 32-bit number per label. */
export function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 seeded through splitmix32 from the seed and a label, so that each part of the generator
 * draws from its own stream and changing one part does not shift the others.
 */
export function createRandom(seed: number, label = ""): Random {
  const init = splitmix32((seed ^ hashLabel(label)) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("random: pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = items.slice();
      const count = Math.min(n, copy.length);
      for (let i = 0; i < count; i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, count);
    },
  };
}

/** A picker that draws values by weight; the cumulative table is built once. */
export function weightedPicker<T extends string>(weights: Weights<T>): (random: Random) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of Object.entries(weights) as [T, number][]) {
    if (weight <= 0) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new Error("random: no positive weights");
  return (random) => {
    const x = random.next() * total;
    for (let i = 0; i < cumulative.length; i++)
      if (x < (cumulative[i] as number)) return values[i] as T;
    return values[values.length - 1] as T;
  };
}

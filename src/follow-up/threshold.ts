/** Rating figures and the minimum-responses rule shared by every evaluation report. */
export const RATINGS = ['1', '2', '3', '4', '5'] as const;
export type Distribution = Record<(typeof RATINGS)[number], number>;

export interface Figures {
  responses: number;
  averageRating: number;
  distribution: Distribution;
}

/** What a cell below the threshold shows: how many answers there are and how many more are needed. */
export interface Withheld {
  responses: number;
  needed: number;
}

export function emptyDistribution(): Distribution {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
}

export function countOf(distribution: Distribution): number {
  return RATINGS.reduce((sum, r) => sum + distribution[r], 0);
}

export function figuresOf(distribution: Distribution): Figures {
  const responses = countOf(distribution);
  const total = RATINGS.reduce((sum, r) => sum + Number(r) * distribution[r], 0);
  return { responses, averageRating: Math.round((total / responses) * 100) / 100, distribution };
}

export function withheld(responses: number, min: number): Withheld {
  return { responses, needed: min - responses };
}

/**
 * Which cells of a breakdown may be shown. Each shown cell needs `min` answers, and so do the
 * hidden cells together: otherwise the total minus the shown cells would reveal them. Shown cells
 * are hidden as well, smallest first, until that holds (secondary suppression).
 */
export function shownCells(sizes: number[], min: number): boolean[] {
  const shown = sizes.map((n) => n >= min);
  let hidden = sizes.reduce((sum, n, i) => (shown[i] ? sum : sum + n), 0);
  const smallestFirst = sizes.map((_, i) => i).filter((i) => shown[i]).sort((a, b) => sizes[a] - sizes[b]);
  for (const i of smallestFirst) {
    if (hidden === 0 || hidden >= min) break;
    shown[i] = false;
    hidden += sizes[i];
  }
  return shown;
}

/** Groups `{ key, rating, n }` count rows into a distribution per key, in first-seen order. */
export function distributionsByKey<K>(rows: { key: K; rating: number; n: number }[]): Map<K, Distribution> {
  const byKey = new Map<K, Distribution>();
  for (const row of rows) {
    const distribution = byKey.get(row.key) ?? emptyDistribution();
    distribution[String(row.rating) as keyof Distribution] += Number(row.n);
    byKey.set(row.key, distribution);
  }
  return byKey;
}

export interface GatedCell<K> {
  key: K;
  shown: boolean;
  summary: Figures | Withheld;
}

/** Applies the threshold to every cell of a breakdown, with secondary suppression (see shownCells). */
export function gateCells<K>(byKey: Map<K, Distribution>, min: number): GatedCell<K>[] {
  const entries = [...byKey.entries()];
  const shown = shownCells(entries.map(([, d]) => countOf(d)), min);
  return entries.map(([key, d], i) => ({ key, shown: shown[i], summary: shown[i] ? figuresOf(d) : withheld(countOf(d), min) }));
}

/** The whole set's summary: figures from `min` answers, otherwise only how many more are needed. */
export function gateTotal(distribution: Distribution, min: number): { shown: boolean; summary: Figures | Withheld } {
  const n = countOf(distribution);
  return n >= min ? { shown: true, summary: figuresOf(distribution) } : { shown: false, summary: withheld(n, min) };
}

export function sumDistributions(distributions: Iterable<Distribution>): Distribution {
  const sum = emptyDistribution();
  for (const d of distributions) for (const r of RATINGS) sum[r] += d[r];
  return sum;
}

export interface ReadCacheOptions {
  /** Most entries kept; the least recently used go first. 0 turns the cache off. */
  maxEntries: number;
  /** Longest an entry is served, for results that also depend on the clock. */
  ttlMs: number;
}

interface Entry<V> {
  version: string;
  at: number;
  value: Promise<V>;
}

/**
 * Results of reads by key, valid while the version they were computed at is current: by default
 * the data version given to the constructor, or one the caller names (a feed's content version).
 * Concurrent misses on one key share a single computation; a failed computation is not kept.
 * Values are shared between callers and must not be mutated.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly options: ReadCacheOptions,
    private readonly version: () => string = () => '',
  ) {}

  /** `version` is taken before computing: a change during the computation leaves the entry already stale. */
  get(key: string, compute: () => Promise<V>, version = this.version()): Promise<V> {
    if (this.options.maxEntries <= 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version && now - hit.at < this.options.ttlMs) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry: Entry<V> = { version, at: now, value: compute() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }
}

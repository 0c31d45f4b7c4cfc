/** A rendered feed and the data version it was rendered from. */
export interface RenderedFeed {
  versionKey: string;
  etag: string;
  lastModified: Date;
  body: string;
}

/**
 * Rendered feeds by feed identity, least recently used dropped first. Per process: each server
 * process renders a changed feed once for itself.
 */
export class FeedCache {
  private readonly entries = new Map<string, RenderedFeed>();

  constructor(private readonly maxEntries: number) {}

  get(feedKey: string, versionKey: string): RenderedFeed | undefined {
    const entry = this.entries.get(feedKey);
    if (!entry || entry.versionKey !== versionKey) return undefined;
    this.entries.delete(feedKey);
    this.entries.set(feedKey, entry);
    return entry;
  }

  set(feedKey: string, entry: RenderedFeed): void {
    this.entries.delete(feedKey);
    this.entries.set(feedKey, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

import { createHash } from 'node:crypto';

/** A strong ETag from the data version: computed without rendering, stable across restarts. */
export function etagFor(feedKey: string, versionKey: string): string {
  return `"${createHash('sha256').update(`${feedKey}\n${versionKey}`).digest('base64url').slice(0, 32)}"`;
}

/** HTTP dates have whole seconds. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * RFC 9110 13.1: If-None-Match decides when present (weak comparison, `*` matches); otherwise
 * If-Modified-Since, which answers 304 when nothing shown changed after the given second.
 */
export function isNotModified(headers: Record<string, string | string[] | undefined>, etag: string, lastModified: Date): boolean {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const ifNoneMatch = header('if-none-match');
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = header('if-modified-since');
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && seconds(lastModified) <= Math.floor(since / 1000);
}

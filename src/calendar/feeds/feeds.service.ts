import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { renderCalendar } from '../ical/render-calendar';
import { FeedCache, RenderedFeed } from './feed-cache';
import { FeedText, personFeedContent, themeFeedContent } from './feed-content';
import { etagFor } from './feed-http';
import { FeedVersion, personFeedVersion, themeFeedVersion } from './feed-version';

/** Bump when the rendering changes, so clients' ETags change with the new bytes. */
const RENDER_REVISION = 'r1';
const REFRESH_SECONDS = 3600;

export interface FeedState {
  etag: string;
  lastModified: Date;
  /** Renders (or takes from the cache) the body for this state. */
  body: () => Promise<string>;
}

type Loader = (em: EntityManager, id: string, host: string, now: Date) => Promise<FeedText | null>;
type Versioner = (em: EntityManager, id: string, now: Date, revision: string) => Promise<FeedVersion>;

/**
 * Feeds are polled for years by every device: each request costs one aggregate query; the feed
 * is rendered only when that version changed, and 304s never render.
 */
@Injectable()
export class FeedsService {
  private readonly cache: FeedCache;
  private readonly host: string;

  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {
    this.cache = new FeedCache(config.feedCacheEntries);
    this.host = new URL(config.publicBaseUrl).hostname;
  }

  personFeed(personId: string): Promise<FeedState | null> {
    return this.state(`person:${personId}`, personId, personFeedVersion, personFeedContent);
  }

  themeFeed(themeId: string): Promise<FeedState | null> {
    return this.state(`theme:${themeId}`, themeId, themeFeedVersion, themeFeedContent);
  }

  private async state(feedKey: string, id: string, versioner: Versioner, loader: Loader): Promise<FeedState | null> {
    const now = new Date();
    const version = await versioner(this.db.manager, id, now, RENDER_REVISION);
    if (!version.found) return null;
    const etag = etagFor(feedKey, version.key);
    const body = async () => {
      const cached = this.cache.get(feedKey, version.key);
      if (cached) return cached.body;
      const content = await loader(this.db.manager, id, this.host, now);
      const rendered: RenderedFeed = {
        versionKey: version.key,
        etag,
        lastModified: version.lastModified,
        body: renderCalendar({ ...(content ?? { name: '', description: '', events: [] }), zone: this.config.timeZone, refreshSeconds: REFRESH_SECONDS }),
      };
      this.cache.set(feedKey, rendered);
      return rendered.body;
    };
    return { etag, lastModified: version.lastModified, body };
  }
}

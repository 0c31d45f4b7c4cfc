import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { DataVersion } from '../../database/data-version.service';
import { ReadCache } from '../../database/read-cache';
import { renderCalendar } from '../ical/render-calendar';
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
 * Feeds are polled for years by every device. A feed's version comes from one aggregate query,
 * kept until any data changes (or a minute passes: cancelled sessions drop out with time); the
 * feed is rendered only when its own version changed, once per process, and 304s never render.
 */
@Injectable()
export class FeedsService {
  private readonly versions: ReadCache<FeedVersion & { etag: string }>;
  /** Rendered feeds by feed, valid for the content version they were rendered from. */
  private readonly bodies: ReadCache<string>;
  private readonly host: string;

  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    version: DataVersion,
  ) {
    this.versions = version.cache({ ttlMs: 60_000 });
    this.bodies = new ReadCache({ maxEntries: config.feedCacheEntries, ttlMs: Infinity });
    this.host = new URL(config.publicBaseUrl).hostname;
  }

  personFeed(personId: string): Promise<FeedState | null> {
    return this.state(`person:${personId}`, personId, personFeedVersion, personFeedContent);
  }

  themeFeed(themeId: string): Promise<FeedState | null> {
    return this.state(`theme:${themeId}`, themeId, themeFeedVersion, themeFeedContent);
  }

  private async state(feedKey: string, id: string, versioner: Versioner, loader: Loader): Promise<FeedState | null> {
    const version = await this.versions.get(feedKey, async () => {
      const found = await versioner(this.db.manager, id, new Date(), RENDER_REVISION);
      return { ...found, etag: etagFor(feedKey, found.key) };
    });
    if (!version.found) return null;
    const render = async () => {
      const content = await loader(this.db.manager, id, this.host, new Date());
      const text = content ?? { name: '', description: '', events: [] };
      return renderCalendar({ ...text, zone: this.config.timeZone, refreshSeconds: REFRESH_SECONDS });
    };
    return { etag: version.etag, lastModified: version.lastModified, body: () => this.bodies.get(feedKey, render, version.key) };
  }
}

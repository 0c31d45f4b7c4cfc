import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/decorators';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { CalendarTokensService } from './calendar-tokens.service';
import { FeedsService, FeedState } from './feeds.service';
import { isNotModified } from './feed-http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const icsName = (file: string) => (file.endsWith('.ics') ? file.slice(0, -4) : '');

/** iCalendar feeds for calendar apps: no sign-in (the URL is the secret), served outside /api. GET and HEAD. */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    private readonly tokens: CalendarTokensService,
    private readonly config: AppConfig,
  ) {}

  @Get('themes/:file')
  @ApiOperation({ summary: 'All sessions of a theme ({themeId}.ics); 404 when PUBLIC_CATALOGUE_FEEDS is off' })
  @ApiProduces('text/calendar')
  async theme(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const themeId = icsName(file);
    if (!this.config.publicCatalogueFeeds || !UUID.test(themeId)) throw Problem.notFound('calendar');
    await send(request, reply, await this.feeds.themeFeed(themeId.toLowerCase()), 'public, max-age=900');
  }

  @Get(':file')
  @ApiOperation({ summary: 'A person\'s private feed ({token}.ics, from GET /api/me/calendar)' })
  @ApiProduces('text/calendar')
  async person(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const personId = await this.tokens.resolve(icsName(file));
    await send(request, reply, personId ? await this.feeds.personFeed(personId) : null, 'private, max-age=300');
  }
}

async function send(request: FastifyRequest, reply: FastifyReply, feed: FeedState | null, cacheControl: string): Promise<void> {
  if (!feed) throw Problem.notFound('calendar');
  reply.header('etag', feed.etag).header('last-modified', feed.lastModified.toUTCString()).header('cache-control', cacheControl);
  if (isNotModified(request.headers, feed.etag, feed.lastModified)) {
    await reply.code(304).send();
    return;
  }
  await reply.header('content-type', 'text/calendar; charset=utf-8').send(await feed.body());
}

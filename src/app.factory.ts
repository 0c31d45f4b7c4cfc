import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { validationPipe } from './common/validation';
import { registerRequestLog } from './common/request-log';
import { PageErrorFilter } from './web/page-error.filter';
import { registerWeb } from './web/web.setup';
import { pageRoutes } from './web/web.module';

/** Builds the application exactly as it serves: used by main.ts, the tests and the benchmark. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: config.nodeEnv === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
  });
  registerCsvBody(app, config.bodyLimitBytes);
  app.setGlobalPrefix('api', { exclude: ['calendar/{*path}', ...pageRoutes()] });
  app.useGlobalPipes(validationPipe());
  // problem+json for the API and feeds, HTML error pages for pages
  app.useGlobalFilters(new PageErrorFilter());
  app.enableShutdownHooks();
  closeKeepAliveOnShutdown(app);
  registerSecurityHeaders(app);
  await registerWeb(app, config);
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  if (config.logRequests) registerRequestLog(app.getHttpAdapter().getInstance(), new Logger('HTTP'));
  setupOpenApi(app);
  return app;
}

/**
 * On SIGTERM Fastify stops accepting connections and lets in-flight requests finish, but a
 * keep-alive socket would hold the process open for up to 72 s: answers sent while closing ask
 * the client to close the connection.
 */
function closeKeepAliveOnShutdown(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}

/**
 * Helmet's headers on every answer. Built once: @fastify/helmet rebuilds helmet and re-parses the
 * CSP on every request, about 5 % of a cached read's CPU.
 */
function registerSecurityHeaders(app: NestFastifyApplication): void {
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
}

/** `Content-Type: text/csv` bodies (catalogue import) arrive as text, within the same body limit (413 beyond). */
function registerCsvBody(app: NestFastifyApplication, bodyLimit: number): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
}

function setupOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Lots API')
      .setDescription('Programme manager for the two-year introduction of new social workers. Errors are RFC 9457 problem documents.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * One line per request: method, route pattern (never the raw URL, which can carry feed tokens
 * or search terms), status and duration. No bodies, headers or query strings.
 */
export function registerRequestLog(fastify: FastifyInstance, logger: LoggerService): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? '(unmatched)';
    logger.log(`${request.method} ${route} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    done();
  });
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { FieldError, Problem, ProblemDocument } from './problem';
import { problemText } from './problem-codes';

/** The problem types (RFC 9457 `type`) by status; pages have an error page for each (src/web/page-error.filter.ts). */
export const TYPES: Record<number, string> = {
  400: '/problems/invalid-request',
  401: '/problems/unauthenticated',
  403: '/problems/forbidden',
  404: '/problems/not-found',
  409: '/problems/conflict',
  413: '/problems/payload-too-large',
  429: '/problems/rate-limited',
};

/** Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode. */
function isClientError(e: unknown): e is { statusCode: number; message: string } {
  const code = (e as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' && code >= 400 && code < 500;
}

/** Database constraint violations that slipped past a service check are conflicts, not crashes. */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function toProblem(exception: unknown): { problem: ProblemDocument; headers: Record<string, string> } {
  let status = 500;
  let detail = problemText('common.unexpected');
  let errors: FieldError[] | undefined;
  let headers: Record<string, string> = {};
  if (exception instanceof Problem) {
    status = exception.getStatus();
    detail = exception.message;
    errors = exception.errors;
    headers = exception.headers;
  } else if (exception instanceof HttpException) {
    status = exception.getStatus();
    const body = exception.getResponse();
    detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(detail)) detail = problemText('common.noSuchRoute');
  } else if (isClientError(exception)) {
    status = exception.statusCode;
    detail = exception.message;
  } else if (isUniqueViolation(exception)) {
    status = 409;
    detail = problemText('common.uniqueConflict');
  }
  const problem: ProblemDocument = {
    type: TYPES[status] ?? 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
  };
  // The API answers each field's text; codes and placeholders are for pages.
  if (errors?.length) problem.errors = errors.map(({ field, message }) => ({ field, message }));
  return { problem, headers };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, headers } = toProblem(exception);
    if (problem.status >= 500) this.logger.error((exception as Error)?.stack ?? String(exception));
    reply.status(problem.status).headers(headers).type('application/problem+json').send(problem);
  }
}

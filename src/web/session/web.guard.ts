import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROLES_KEY } from '../../auth/decorators';
import { hasRole } from '../../auth/principal';
import type { Role } from '../../auth/roles';
import { Problem } from '../../common/problem';
import { PUBLIC_PAGE } from '../web-page.decorator';
import { CsrfRejected, SignInRequired } from '../web-errors';
import type { WebRequest } from '../web-request';
import { WebSessions } from './web-sessions.service';

const SAFE_METHODS = ['GET', 'HEAD'];

/** Pages: a session unless @PublicPage(), @Roles() as in the API, and the CSRF token on every other method. */
@Injectable()
export class WebGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: WebSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest>() as WebRequest;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const resumed = await this.sessions.resume(request);
    if (resumed === 'expired') this.sessions.signOut(reply);
    let binding: string | undefined;
    if (typeof resumed === 'object') {
      ({ context: request.web, binding } = resumed);
    } else {
      ({ context: request.web, binding } = this.sessions.anonymous(request, reply));
      if (!this.reflector.getAllAndOverride<boolean>(PUBLIC_PAGE, targets)) {
        throw new SignInRequired(SAFE_METHODS.includes(request.method) ? request.url : '/', resumed === 'expired');
      }
    }
    if (!SAFE_METHODS.includes(request.method)) {
      const token = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.headers['x-csrf-token'];
      if (!this.sessions.csrfValid(binding, token)) throw new CsrfRejected();
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && (!request.web.principal || !hasRole(request.web.principal, ...roles))) throw Problem.forbidden();
    return true;
  }
}

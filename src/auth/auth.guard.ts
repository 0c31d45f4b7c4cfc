import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Problem } from '../common/problem';
import type { ProblemCode } from '../common/problem-codes';
import { PrincipalLoader } from './principal.loader';
import { hasRole, Principal } from './principal';
import { IS_PUBLIC, ROLES_KEY } from './decorators';
import { Role } from './roles';

const unauthenticated = (code: ProblemCode) => new Problem(401, code, {}, undefined, { 'www-authenticate': 'Bearer realm="lots"' });

/** Global: every route needs a valid bearer token unless marked @Public(); @Roles() adds a 403 check. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; principal?: Principal }>();
    const principal = await this.authenticate(request.headers.authorization);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasRole(principal, ...roles)) throw Problem.forbidden();
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw unauthenticated('auth.missingToken');
    let subject: string;
    try {
      subject = (await this.jwt.verifyAsync<{ sub: string }>(match[1])).sub;
    } catch {
      throw unauthenticated('auth.invalidToken');
    }
    const principal = await this.principals.load(subject);
    if (!principal) throw unauthenticated('auth.inactiveAccount');
    return principal;
  }
}

import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from './roles';
import type { Principal } from './principal';

export const IS_PUBLIC = 'lots:public';
export const ROLES_KEY = 'lots:roles';

/** Opt a route out of the global sign-in requirement. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles (and admin) may call the route at all; others get 403. Scope is the service's job. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);

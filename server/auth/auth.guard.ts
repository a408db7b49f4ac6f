import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../crm/employees/employee.entity.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { AuthenticatedRequest } from './current-principal.js';
import { hasAnyRole } from './principal.js';
import { ANY_ROLE, PUBLIC_KEY, ROLES_KEY, SIGNED_IN_KEY } from './roles.decorator.js';
import { SessionService } from './session.service.js';
import { SESSION_COOKIE } from './tokens.js';

/** Every route needs credentials and a role unless marked otherwise (SPEC §3, §6). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request) ?? (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const principal = token ? await this.sessions.resolve(token) : undefined;
    if (!principal) throw new UnauthenticatedError(token ? 'The token is unknown, expired or revoked' : undefined);
    request.principal = principal;
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? ANY_ROLE;
    if (!hasAnyRole(principal, roles)) throw new ForbiddenError();
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from './roles.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { AuthenticatedRequest } from './current-principal.js';
import { hasAnyRole } from './principal.js';
import { ANY_ROLE, PUBLIC_KEY, ROLES_KEY, SIGNED_IN_KEY } from './roles.decorator.js';
import { SessionService } from './session.service.js';
import { CSRF_HEADER, csrfToken, SESSION_COOKIE, sameSecret } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every route needs credentials and a role unless marked otherwise. */
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
    const bearer = bearerToken(request);
    const cookie = bearer ? undefined : (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    const principal = token ? await this.sessions.resolve(token) : undefined;
    if (!principal) throw token ? new UnauthenticatedError('The token is unknown, expired or revoked', { code: 'auth.token_invalid' }) : new UnauthenticatedError();
    if (cookie && !SAFE_METHODS.has(request.method) && !sameCsrfToken(request.headers[CSRF_HEADER], cookie)) {
      throw new ForbiddenError('A change signed in by cookie needs the X-XSRF-TOKEN header (the value of the XSRF-TOKEN cookie)', { code: 'auth.csrf_missing' });
    }
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

/** Bearer tokens are not sent by browsers on their own: only cookie sessions need the CSRF check. */
function sameCsrfToken(header: string | string[] | undefined, sessionToken: string): boolean {
  return typeof header === 'string' && sameSecret(header, csrfToken(sessionToken));
}

import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { CurrentPrincipal, type AuthenticatedRequest } from './current-principal.js';
import type { Principal } from './principal.js';
import { Public, SignedIn } from './roles.decorator.js';
import { ApiAnswers, registerComponentSchema } from '../common/openapi-components.js';
import { SessionService } from './session.service.js';
import { LOGGED_OUT_REF, ME_REF } from './auth-openapi.js';
import { CSRF_COOKIE, csrfToken, SESSION_COOKIE } from './tokens.js';
import { clearSessionCookies, setCsrfCookie, setSessionCookies } from './session-cookies.js';

const signedIn = {
  $ref: registerComponentSchema('Login', {
    type: 'object',
    required: ['token', 'expiresAt'],
    additionalProperties: false,
    properties: { token: { type: 'string', description: 'The bearer token (also set as the session cookie)' }, expiresAt: { type: 'string', format: 'date-time' } },
  }),
};
const loginBody = z.strictObject({ email: z.string().min(1).max(255), password: z.string().min(1).max(200) });
type LoginBody = z.output<typeof loginBody>;

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: answers a bearer token and sets the session cookie' })
  @ApiBody({ schema: z.toJSONSchema(loginBody, { target: 'openapi-3.0' }) as Record<string, unknown> })
  @ApiAnswers(200, signedIn, [400, 401, 413, 429])
  async login(@Body(new ZodPipe(loginBody)) { email, password }: LoginBody, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    const { token, expiresAt } = await this.sessions.login(email, password, request.ip ?? 'unknown');
    setSessionCookies(response, token, expiresAt, this.config.publicUrl.startsWith('https:'));
    return { token, expiresAt: expiresAt.toISOString() };
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the current login token' })
  @ApiAnswers(200, LOGGED_OUT_REF, [401, 403])
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (token) await this.sessions.logout(token);
    clearSessionCookies(response);
    return { ok: true };
  }

  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I: the signed-in employee (or the API token) and its roles' })
  @ApiAnswers(200, ME_REF, [401])
  me(@CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    // Sessions from before CSRF protection get their CSRF cookie here, when the UI starts.
    const cookies = (request.cookies ?? {}) as Record<string, string>;
    const session = cookies[SESSION_COOKIE];
    if (session && !request.headers.authorization && cookies[CSRF_COOKIE] !== csrfToken(session)) {
      setCsrfCookie(response, session, this.config.publicUrl.startsWith('https:'));
    }
    return { kind: principal.kind, employeeId: principal.employeeId ?? null, name: principal.name, roles: principal.roles };
  }
}

import type { Response } from 'express';
import { CSRF_COOKIE, csrfToken, SESSION_COOKIE } from './tokens.js';

/**
 * The session cookie is HttpOnly (no script reads it), SameSite=Strict (no other site sends it)
 * and Secure when the service is reached over HTTPS; the CSRF cookie is readable by the admin UI,
 * which echoes it in the X-XSRF-TOKEN header.
 */
export function setSessionCookies(response: Response, token: string, expires: Date, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires });
  setCsrfCookie(response, token, secure, expires);
}

/** The CSRF cookie of a session (without `expires`: until the browser closes). */
export function setCsrfCookie(response: Response, sessionToken: string, secure: boolean, expires?: Date): void {
  response.cookie(CSRF_COOKIE, csrfToken(sessionToken), { httpOnly: false, sameSite: 'strict', secure, path: '/', ...(expires ? { expires } : {}) });
}

export function clearSessionCookies(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
  response.clearCookie(CSRF_COOKIE, { path: '/' });
}

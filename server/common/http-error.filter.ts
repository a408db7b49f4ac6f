import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { localizedMessage } from './error-catalogue.js';
import { DomainError } from './errors.js';
import { type CodedError, type ErrorBody, localizeError } from './localized-error.js';
import { type Language, languageOf } from './request-language.js';

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
};

/** The code of a Nest HttpException by its status (Nest's own 404 for an unknown route is `route.not_found`). */
const HTTP_CODES: Record<number, string> = {
  400: 'request.invalid', 401: 'auth.unauthenticated', 403: 'auth.forbidden', 404: 'not_found', 405: 'request.method_not_allowed',
  409: 'conflict', 413: 'request.too_large', 415: 'request.unsupported_media_type', 429: 'rate_limited', 503: 'service.unavailable',
};

/**
 * Every error leaves as `{statusCode, error, code, message, params?, details?}`: `code` is stable, `message`
 * is in the request's language (Accept-Language: Dutch by default, or English). Only real faults are 500s.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.send(exception, http.getRequest<Request | undefined>(), http.getResponse<Response>());
  }

  /** Answers `exception` in the request's language (also for errors before routing, such as the body parser's). */
  send(exception: unknown, request: Request | undefined, response: Response): void {
    const body = this.toBody(exception, languageOf(request?.headers?.['accept-language']));
    if (body.statusCode === 503) this.logger.warn(`${body.message}: ${(exception as Error).message}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    response.vary('Accept-Language').status(body.statusCode).json(body);
  }

  toBody(exception: unknown, language: Language = 'nl'): ErrorBody {
    return localizeError(codedError(exception), language);
  }
}

function codedError(exception: unknown): CodedError {
  if (exception instanceof DomainError) {
    const { statusCode, error, message, details, code, params, context } = exception;
    // Without a code of its own, the thrown message says more than the status's generic text: kept in both languages.
    const uncoded = !exception.coded && message !== localizedMessage(code, {}, 'en');
    return { statusCode, error, message, code, params, ...(details !== undefined ? { details } : {}), ...(context !== undefined ? { context } : {}), ...(uncoded ? { keepMessage: 'always' as const } : {}) };
  }
  if (exception instanceof UniqueConstraintViolationException) {
    return { statusCode: 409, error: 'Conflict', code: 'record.duplicate', params: {}, message: 'A record with the same unique value already exists' };
  }
  if (exception instanceof ForeignKeyConstraintViolationException) {
    return { statusCode: 409, error: 'Conflict', code: 'record.referenced', params: {}, message: 'The record is referenced by other records' };
  }
  if (exception instanceof HttpException) return httpExceptionError(exception);
  const parserError = bodyParserError(exception);
  if (parserError) return parserError;
  if (unreachable(exception)) {
    return { statusCode: 503, error: 'Service Unavailable', code: 'service.unavailable', params: {}, message: 'The database (or another server this request needs) does not answer; try again shortly' };
  }
  return { statusCode: 500, error: 'Internal Server Error', code: 'internal_error', params: {}, message: 'Internal server error' };
}

function httpExceptionError(exception: HttpException): CodedError {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const message = typeof raw === 'string' ? raw : Array.isArray((raw as { message?: unknown }).message) ? ((raw as { message: string[] }).message).join('; ') : String((raw as { message?: unknown }).message ?? exception.message);
  const route = statusCode === 404 ? /^Cannot (\w+) (.*)$/.exec(message) : null;
  if (route) return { statusCode, error: 'Not Found', code: 'route.not_found', params: { method: route[1], path: route[2] }, message };
  // Multer's limit on an upload's size (files of at most 25 MB).
  if (statusCode === 413 && message === 'File too large') return { statusCode, error: STATUS_NAMES[413]!, code: 'file.too_large', params: {}, message };
  // Nest's own messages have no catalogue entry of their own: the English one is kept in both languages.
  return { statusCode, error: STATUS_NAMES[statusCode] ?? 'Error', code: HTTP_CODES[statusCode] ?? 'error', params: {}, message, keepMessage: true };
}

/** Errors thrown by the JSON body parser carry `status` and `type` (e.g. entity.parse.failed). */
function bodyParserError(exception: unknown): CodedError | undefined {
  const e = exception as { status?: number; type?: string; message?: string };
  if (typeof e?.status !== 'number' || typeof e.type !== 'string' || e.status < 400 || e.status >= 500) return undefined;
  const codes: Record<string, [string, string]> = {
    'entity.parse.failed': ['request.invalid_json', 'The request body is not valid JSON'],
    'entity.too.large': ['request.too_large', 'The request body is too large'],
    'encoding.unsupported': ['request.unsupported_encoding', 'The request body has an unsupported encoding'],
    'charset.unsupported': ['request.unsupported_charset', 'The request body has an unsupported charset'],
  };
  const [code, message] = codes[e.type] ?? [HTTP_CODES[e.status] ?? 'request.invalid', e.message ?? 'Bad request body'];
  return { statusCode: e.status, error: STATUS_NAMES[e.status] ?? 'Bad Request', code, params: {}, message, keepMessage: !codes[e.type] };
}

/**
 * The database server went away (restart, fail-over) or refuses connections for now, or another
 * server the request needs does: the request may succeed when repeated, so it is a 503, not a 500.
 * The pool drops the broken connections and the next request connects anew.
 */
function unreachable(exception: unknown, depth = 0): boolean {
  const e = exception as { code?: unknown; message?: unknown; cause?: unknown };
  const codes = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006'];
  if (typeof e?.code === 'string' && codes.includes(e.code)) return true;
  if (typeof e?.message === 'string' && /Connection terminated|Client has encountered a connection error/.test(e.message)) return true;
  return depth < 3 && e?.cause !== undefined && unreachable(e.cause, depth + 1);
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Response } from 'express';
import { DomainError } from './errors.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
};

/** Every error leaves as `{statusCode, error, message, details?}` (SPEC §6); only real faults are 500s. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503) this.logger.warn(`${body.message}: ${(exception as Error).message}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: exception.statusCode, error: exception.error, message: exception.message, ...(exception.details !== undefined ? { details: exception.details } : {}) };
    }
    if (exception instanceof UniqueConstraintViolationException) {
      return { statusCode: 409, error: 'Conflict', message: 'A record with the same unique value already exists' };
    }
    if (exception instanceof ForeignKeyConstraintViolationException) {
      return { statusCode: 409, error: 'Conflict', message: 'The record is referenced by other records' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : Array.isArray((raw as { message?: unknown }).message) ? ((raw as { message: string[] }).message).join('; ') : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: STATUS_NAMES[statusCode] ?? 'Error', message };
    }
    const status = bodyParserStatus(exception);
    if (status) return status;
    if (unreachable(exception)) {
      return { statusCode: 503, error: 'Service Unavailable', message: 'The database (or another server this request needs) does not answer; try again shortly' };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

/** Errors thrown by the JSON body parser carry `status` and `type` (e.g. entity.parse.failed). */
function bodyParserStatus(exception: unknown): ErrorBody | undefined {
  const e = exception as { status?: number; type?: string; message?: string };
  if (typeof e?.status !== 'number' || typeof e.type !== 'string' || e.status < 400 || e.status >= 500) return undefined;
  const messages: Record<string, string> = {
    'entity.parse.failed': 'The request body is not valid JSON',
    'entity.too.large': 'The request body is too large',
    'encoding.unsupported': 'The request body has an unsupported encoding',
    'charset.unsupported': 'The request body has an unsupported charset',
  };
  return { statusCode: e.status, error: STATUS_NAMES[e.status] ?? 'Bad Request', message: messages[e.type] ?? e.message ?? 'Bad request body' };
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

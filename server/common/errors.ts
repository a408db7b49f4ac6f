/**
 * Domain errors, mapped to HTTP statuses in one place (HttpErrorFilter).
 *
 * Every error has a stable `code` (e.g. `validation.min`, `flow.running_edit`) and the `params` its
 * message is made from, so that the message can be given in the caller's language (`Accept-Language`).
 * `message` is the English text as thrown; the filter replaces it by the catalogue's text for the
 * code in the request's language when the catalogue has one.
 */
export interface ErrorCode {
  code: string;
  params?: Record<string, unknown>;
  /** Where the error happened, put before the message (`statuses.json`, `flow "Welkom"` of an import). */
  context?: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly context?: string;
  /** Thrown with a code of its own, rather than the default of its status. */
  readonly coded: boolean;

  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly details?: unknown,
    coded?: ErrorCode,
  ) {
    super(message);
    this.code = coded?.code ?? defaultCode(statusCode);
    this.coded = coded !== undefined;
    this.params = coded?.params ?? {};
    if (coded?.context !== undefined) this.context = coded.context;
  }
}

function defaultCode(statusCode: number): string {
  const codes: Record<number, string> = {
    400: 'request.invalid', 401: 'auth.unauthenticated', 403: 'auth.forbidden', 404: 'not_found', 409: 'conflict', 429: 'rate_limited',
  };
  return codes[statusCode] ?? 'error';
}

export class BadInputError extends DomainError {
  constructor(message: string, details?: unknown, coded?: ErrorCode) {
    super(400, 'Bad Request', message, details, coded);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: send a bearer token or a session cookie', coded?: ErrorCode) {
    super(401, 'Unauthorized', message, undefined, coded);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this', coded?: ErrorCode) {
    super(403, 'Forbidden', message, undefined, coded);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, coded?: ErrorCode) {
    super(404, 'Not Found', message, undefined, coded);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown, coded?: ErrorCode) {
    super(409, 'Conflict', message, details, coded);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message: string, details?: unknown, coded?: ErrorCode) {
    super(429, 'Too Many Requests', message, details, coded);
  }
}

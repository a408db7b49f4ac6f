/** Domain errors, mapped to HTTP statuses in one place (HttpErrorFilter). */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(400, 'Bad Request', message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: send a bearer token or a session cookie') {
    super(401, 'Unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this') {
    super(403, 'Forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(404, 'Not Found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(409, 'Conflict', message, details);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(429, 'Too Many Requests', message, details);
  }
}

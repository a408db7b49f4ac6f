import { localizedMessage } from './error-catalogue.js';
import type { Language } from './request-language.js';

/** An error as thrown, before its message is put in the caller's language. */
export interface CodedError {
  statusCode: number;
  error: string;
  code: string;
  params: Record<string, unknown>;
  /** The English message as thrown. */
  message: string;
  details?: unknown;
  context?: string;
  /**
   * The thrown English message says more than the code's text: English answers keep it (a framework's
   * own message), or every answer does (`always`: an error thrown without a code of its own).
   */
  keepMessage?: boolean | 'always';
}

/** The error answer: `{statusCode, error, code, message, params?, details?}`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
  details?: unknown;
}

/** A field issue of `details.issues`. */
interface Issue {
  field: string;
  code?: string;
  params?: Record<string, unknown>;
  message: string;
}

/**
 * The answer for an error in `language`: its message from the catalogue (the thrown English message
 * when the catalogue lacks the code), each field issue's message too, and the issues joined
 * (`field: message; …`) as the parameter `issues` of a message made of them.
 */
export function localizeError(error: CodedError, language: Language): ErrorBody {
  const issues = issuesOf(error.details)?.map((issue) => localizeIssue(issue, language));
  const details = issues ? { ...(error.details as object), issues } : error.details;
  const joined = issues?.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  const fromCatalogue = error.keepMessage === 'always' || (error.keepMessage && language === 'en') ? undefined : localizedMessage(error.code, { ...error.params, ...(joined !== undefined ? { issues: joined } : {}) }, language);
  const text = fromCatalogue ?? error.message;
  const message = error.context !== undefined && !text.startsWith(`${error.context}:`) ? `${error.context}: ${text}` : text;
  return {
    statusCode: error.statusCode,
    error: error.error,
    code: error.code,
    message,
    ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
    ...(details !== undefined ? { details } : {}),
  };
}

function issuesOf(details: unknown): Issue[] | undefined {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : undefined;
}

function localizeIssue(issue: Issue, language: Language): Issue {
  if (!issue.code) return issue;
  return { ...issue, message: localizedMessage(issue.code, issue.params ?? {}, language) ?? issue.message };
}

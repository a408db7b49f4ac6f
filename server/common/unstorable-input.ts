import type { NextFunction, Request, Response } from 'express';
import { BadInputError } from './errors.js';

const NUL = '\u0000';
/** With the u flag a surrogate pair is one code point, so only an unpaired surrogate is in category Cs. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** Deeper than any body the API documents; a deeper one is refused before anything walks it recursively. */
export const MAX_JSON_DEPTH = 64;

/** Routes that only lint the text they are given and store nothing: any text is a 200 there. */
const TEXT_ONLY_ROUTES = new Set(['/api/dsl/check', '/api/dsl/format']);

type Problem = { field: string; code: 'request.nul_character' | 'request.unpaired_surrogate' | 'request.too_deep' };

const MESSAGES: Record<Problem['code'], (field: string) => string> = {
  'request.nul_character': (field) => `${field}: the NUL character (U+0000) is not allowed`,
  'request.unpaired_surrogate': (field) => `${field}: the text holds an unpaired UTF-16 surrogate, which is not a character`,
  'request.too_deep': (field) => `${field}: nested deeper than ${MAX_JSON_DEPTH} levels`,
};

/**
 * Input the database cannot store or the handlers should never walk is refused at the door with a
 * 400 naming the field: a NUL (PostgreSQL text cannot hold U+0000), an unpaired surrogate (not
 * valid Unicode, so not valid UTF-8 either) anywhere in the path, the query or a JSON body, and JSON
 * nested deeper than MAX_JSON_DEPTH.
 */
export function refuseUnstorableInput(req: Request, _res: Response, next: NextFunction): void {
  const textOnly = TEXT_ONLY_ROUTES.has(req.path);
  const problem = problemIn(req.body, textOnly) ?? problemIn(req.query, false) ?? pathProblem(req.path);
  if (!problem) return next();
  const field = problem.field || 'body';
  next(new BadInputError(MESSAGES[problem.code](field), { field }, { code: problem.code, params: { field, ...(problem.code === 'request.too_deep' ? { max: MAX_JSON_DEPTH } : {}) } }));
}

function textProblem(text: string): Problem['code'] | undefined {
  if (text.includes(NUL)) return 'request.nul_character';
  if (UNPAIRED_SURROGATE.test(text)) return 'request.unpaired_surrogate';
  return undefined;
}

/** The first problem in a parsed JSON value, walked without recursion (so any depth is safe), with its dotted path. */
function problemIn(root: unknown, depthOnly: boolean): Problem | undefined {
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length) {
    const [value, at, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const code = depthOnly ? undefined : textProblem(value);
      if (code) return { field: at, code };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { field: at, code: 'request.too_deep' };
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const path = at ? `${at}.${key}` : key;
      const code = depthOnly ? undefined : textProblem(key);
      if (code) return { field: path, code };
      stack.push([item, path, depth + 1]);
    }
  }
  return undefined;
}

function pathProblem(path: string): Problem | undefined {
  const code = textProblem(decoded(path));
  return code ? { field: 'path', code } : undefined;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

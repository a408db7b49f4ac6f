import type { NextFunction, Request, Response } from 'express';
import { BadInputError } from './errors.js';

const NUL = '\u0000';

/** Routes that only lint the text they are given and store nothing: any text is a 200 there (SPEC §6). */
const TEXT_ONLY_ROUTES = new Set(['/api/dsl/check', '/api/dsl/format']);

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in the path, the query or a JSON body is
 * refused at the door with a 400 naming the field, instead of failing later in the database.
 */
export function refuseNulCharacters(req: Request, _res: Response, next: NextFunction): void {
  const body = TEXT_ONLY_ROUTES.has(req.path) ? undefined : nulIn(req.body, '');
  const field = body ?? nulIn(req.query, '') ?? (decoded(req.path).includes(NUL) ? 'path' : undefined);
  next(field === undefined ? undefined : new BadInputError(`${field || 'body'}: the NUL character (U+0000) is not allowed`, { field: field || 'body' }, { code: 'request.nul_character', params: { field: field || 'body' } }));
}

/** The dotted name of the first string or key holding a NUL, or undefined. */
function nulIn(value: unknown, at: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? at : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    if (key.includes(NUL)) return path;
    const found = nulIn(item, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

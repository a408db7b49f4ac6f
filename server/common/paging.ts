import { z } from 'zod';

/** `limit` (default 50, at most 1000) and `offset` of every paged list. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** A query with only paging. */
export const pagingQuery = z.strictObject(paging);
export type PagingQuery = z.output<typeof pagingQuery>;

/** Exact-match list filters on the top-level scalar fields of rules (workflows, flows): `?name=Welkom&version=3`. */
export const ruleFilters = {
  name: z.string().min(1).max(255).optional(),
  version: z.string().regex(/^\d{1,9}$/, 'expected a whole number').transform(Number).optional(),
};

import { z } from 'zod';
import { paging, ruleFilters } from '../common/paging.js';

/** `GET /api/workflows`: paged, `q` searches the name, exact filters on name, version and active. */
export const workflowsQuery = z.strictObject({ q: z.string().max(255).optional(), active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), ...ruleFilters, ...paging });
export type WorkflowsQuery = z.output<typeof workflowsQuery>;

/** `POST /api/workflows`, and `PUT`/`PATCH` once the read-only fields GET gave are dropped. */
export const workflowBody = z.strictObject({ name: z.string().min(1).max(255).optional(), source: z.string().min(1).max(200_000) });
export type WorkflowBody = z.output<typeof workflowBody>;

/** `POST /api/workflows/:id/explain`: the record to explain the rule on. */
export const explainBody = z.strictObject({ entity: z.string().min(1).max(64), id: z.union([z.string(), z.number()]).transform(String) });
export type ExplainBody = z.output<typeof explainBody>;

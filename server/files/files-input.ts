import { z } from 'zod';
import { paging } from '../common/paging.js';

/** `GET /api/files`: paging, and `q`, part of the file name (the designer's attachment picker searches by it). */
export const filesQuery = z.strictObject({ ...paging, q: z.string().max(255).optional() });
export type FilesQuery = z.output<typeof filesQuery>;

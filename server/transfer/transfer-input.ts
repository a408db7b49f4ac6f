import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { BadInputError } from '../common/errors.js';
import { parseInput } from '../common/validation.js';
import { unzipFiles } from './archive.js';

/** `GET /api/export`. */
export const exportQuery = z.strictObject({ format: z.enum(['zip', 'json']).default('zip') });
export type ExportQuery = z.output<typeof exportQuery>;

/** `POST /api/import`. */
export const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
export type ImportQuery = z.output<typeof importQuery>;

const filesBody = z.strictObject({ files: z.record(z.string().max(500), z.string().max(2 * 1024 * 1024)) });

/** The files of an import body, a zip archive or JSON `{files: {path: text}}`, as `{path: text}`. */
export class ImportedFilesPipe implements PipeTransform<unknown, Record<string, string>> {
  transform(body: unknown): Record<string, string> {
    if (Buffer.isBuffer(body)) return unzipFiles(new Uint8Array(body));
    if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) {
      throw new BadInputError('body: send the zip archive (Content-Type: application/zip) or JSON {files}', undefined, { code: 'import.body_missing' });
    }
    return parseInput(filesBody, body).files;
  }
}

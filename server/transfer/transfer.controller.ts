import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { Clock } from '../clock/clock.js';
import { BadInputError } from '../common/errors.js';
import { parseInput } from '../common/validation.js';
import { unzipFiles, zipFiles } from './archive.js';
import { bundleFromFiles, bundleToFiles } from './bundle.js';
import { Exporter } from './exporter.js';
import { Importer } from './importer.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ApiExportAnswers, IMPORT_REPORT_REF } from './transfer-openapi.js';

const exportQuery = z.strictObject({ format: z.enum(['zip', 'json']).default('zip') });
const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
const filesBody = z.strictObject({ files: z.record(z.string().max(500), z.string().max(2 * 1024 * 1024)) });

@ApiTags('transfer')
@ApiBearerAuth()
@Controller('api')
export class TransferController {
  constructor(
    private readonly exporter: Exporter,
    private readonly importer: Importer,
    private readonly clock: Clock,
  ) {}

  @Get('export')
  @Roles('flow_admin', 'content_editor')
  @ApiOperation({ summary: 'All workflows and flows as .stroom files, with templates, statuses and task types: a zip archive (or {files} with format=json)' })
  @ApiQuery({ name: 'format', required: false, enum: ['zip', 'json'] })
  @ApiExportAnswers([400, 401, 403])
  async export(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const { format } = parseInput(exportQuery, query, 'query');
    const now = this.clock.now();
    const files = bundleToFiles(await this.exporter.bundle(), now);
    if (format === 'json') return { files };
    response.set({ 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="stroom-export-${now.toISOString().slice(0, 10)}.zip"` });
    return new StreamableFile(zipFiles(files));
  }

  @Post('import')
  @Roles('flow_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply an export (a zip body, or JSON {files}) in one transaction; dryRun=true lists what would change and changes nothing' })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiBody({ description: 'application/zip (as GET /api/export gives it) or application/json {files: {path: text}}', required: true })
  @ApiAnswers(200, IMPORT_REPORT_REF, [400, 401, 403, 409, 413])
  async import(@Body() body: unknown, @Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    const { dryRun } = parseInput(importQuery, query, 'query');
    const files = Buffer.isBuffer(body) ? unzipFiles(new Uint8Array(body)) : importedJson(body);
    return this.importer.run(bundleFromFiles(files), dryRun === 'true', principal);
  }
}

function importedJson(body: unknown): Record<string, string> {
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) {
    throw new BadInputError('body: send the zip archive (Content-Type: application/zip) or JSON {files}', undefined, { code: 'import.body_missing' });
  }
  return parseInput(filesBody, body).files;
}

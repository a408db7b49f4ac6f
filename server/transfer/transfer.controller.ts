import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { Clock } from '../clock/clock.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { zipFiles } from './archive.js';
import { bundleFromFiles, bundleToFiles } from './bundle.js';
import { Exporter } from './exporter.js';
import { Importer } from './importer.js';
import { exportQuery, importQuery, ImportedFilesPipe, type ExportQuery, type ImportQuery } from './transfer-input.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ApiExportAnswers, IMPORT_REPORT_REF } from './transfer-openapi.js';

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
  async export(@Query(new ZodPipe(exportQuery)) { format }: ExportQuery, @Res({ passthrough: true }) response: Response) {
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
  async import(@Query(new ZodPipe(importQuery)) { dryRun }: ImportQuery, @Body(new ImportedFilesPipe()) files: Record<string, string>, @CurrentPrincipal() principal: Principal) {
    return this.importer.run(bundleFromFiles(files), dryRun === 'true', principal);
  }
}

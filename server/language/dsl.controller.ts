import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { checkSource, format, hasErrors } from '@stroom/dsl';
import { z } from 'zod';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { DSL_CHECK_REF, DSL_FORMAT_REF, DSL_NAMES_REF } from './dsl-openapi.js';
import { CatalogLoader } from './catalog-loader.js';

const checkBody = z.strictObject({ source: z.string().max(1_000_000), mode: z.enum(['save', 'start']).default('save') });
type CheckBody = z.output<typeof checkBody>;
const formatBody = z.strictObject({ source: z.string().max(1_000_000) });
type FormatBody = z.output<typeof formatBody>;

/**
 * Lint and format DSL text: 200 for any text, 400 only for a body without `source`.
 * Diagnostics carry `code`, `params` and `suggestion`; their message follows `Accept-Language`
 * (DiagnosticsLanguageInterceptor).
 */
@ApiTags('dsl')
@ApiBearerAuth()
@Controller('api/dsl')
export class DslController {
  constructor(private readonly catalogs: CatalogLoader) {}

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Parse and check DSL text against the database; diagnostics with line, column and length' })
  @ApiBody({ schema: { type: 'object', properties: { source: { type: 'string' }, mode: { type: 'string', enum: ['save', 'start'] } }, required: ['source'] } })
  @ApiAnswers(200, DSL_CHECK_REF, [400, 401, 403, 413])
  async check(@Body(new ZodPipe(checkBody)) { source, mode }: CheckBody) {
    const { diagnostics } = checkSource(source, { catalog: await this.catalogs.load(), mode });
    return { ok: !hasErrors(diagnostics), diagnostics };
  }

  @Get('names')
  @ApiOperation({ summary: 'The names rules may refer to (template keys, statuses, selections, forms, flows, projects, task types, groups, webhook secret names), for completion in the editor' })
  @ApiAnswers(200, DSL_NAMES_REF, [401, 403])
  async names() {
    const catalog = await this.catalogs.load();
    return {
      templates: catalog.names('templates').map((key) => ({ key, channel: catalog.template(key)?.channel })),
      statuses: { quote_request: catalog.statuses('quote_request'), opportunity: catalog.statuses('opportunity'), intake_measure: catalog.statuses('intake_measure') },
      selections: catalog.names('selections'),
      forms: catalog.names('forms'),
      flows: catalog.names('flows'),
      projects: catalog.names('projects'),
      taskTypes: catalog.names('taskTypes'),
      groups: catalog.names('groups'),
      // Only the names of WEBHOOK_SECRETS, for webhook headers; never their values.
      secrets: catalog.secretNames?.() ?? [],
    };
  }

  @Post('format')
  @HttpCode(200)
  @ApiOperation({ summary: 'The canonical form of DSL text (unchanged, with diagnostics, when it does not parse)' })
  @ApiBody({ schema: { type: 'object', properties: { source: { type: 'string' } }, required: ['source'] } })
  @ApiAnswers(200, DSL_FORMAT_REF, [400, 401, 403, 413])
  format(@Body(new ZodPipe(formatBody)) { source }: FormatBody) {
    const result = format(source);
    return { source: result.source ?? source, ok: result.source !== undefined, diagnostics: result.diagnostics };
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ENTITIES } from '@stroom/dsl';
import { languageOf } from '../common/request-language.js';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { TemplateSender } from './template-sender.js';

const RECORD_CHOICE = {
  recordType: { type: 'string', enum: [...ENTITIES] },
  recordId: { type: 'string' },
  personId: { type: 'string', description: 'the same as recordType person' },
};

/** Preview and test send; the CRUD routes come from the shared record controller. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/templates/:id')
export class TemplateActionsController {
  constructor(private readonly sender: TemplateSender) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Render the template on a record, or on sample data of the record kind the template is used with',
    description: 'Answers {subject, body, segments?, record, usedWith, empty: [{variable, code, params, reason}]}: every merge variable that renders empty, with why (in the Accept-Language).',
  })
  @ApiBody({ schema: { type: 'object', properties: { ...RECORD_CHOICE, subject: { type: 'string' }, body: { type: 'string' } } }, required: false })
  preview(@Param('id') id: string, @Body() body: unknown, @Headers('accept-language') acceptLanguage?: string) {
    return this.sender.preview(id, body, languageOf(acceptLanguage));
  }

  @Post('test-send')
  @HttpCode(200)
  @Roles('flow_admin', 'content_editor')
  @ApiOperation({ summary: 'Send the template, rendered on a record (or sample data), to an address through the outbox' })
  @ApiBody({ schema: { type: 'object', properties: { to: { type: 'string' }, ...RECORD_CHOICE }, required: ['to'] } })
  testSend(@Param('id') id: string, @Body() body: unknown) {
    return this.sender.testSend(id, body);
  }
}

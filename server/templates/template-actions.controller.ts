import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ENTITIES } from '@stroom/dsl';
import { languageOf } from '../common/request-language.js';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { TemplateSender } from './template-sender.js';
import { previewBody, testSendBody, type PreviewBody, type TestSendBody } from './template-actions-input.js';
import { TemplateUsage } from './template-usage.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { TEMPLATE_PREVIEW_REF, TEMPLATE_TEST_SEND_REF, TEMPLATE_USAGE_REF } from './templates-openapi.js';

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
  constructor(
    private readonly sender: TemplateSender,
    private readonly usage: TemplateUsage,
  ) {}

  @Get('usage')
  @ApiOperation({
    summary: 'Where the template is used: {workflows: [{id, name, setting?}], flows: [{id, name}]}',
    description: 'A workflow that a per-status or per-task-type form wrote carries `setting` ({kind: "status", statusKind, id} or {kind: "task_type", id, which}).',
  })
  @ApiAnswers(200, TEMPLATE_USAGE_REF, [401, 403, 404])
  usageOf(@Param('id') id: string) {
    return this.usage.of(id);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Render the template on a record, or on sample data of the record kind the template is used with',
    description: 'Answers {subject, body, text?, warnings?, segments?, sms?, record, usedWith, empty: [{variable, code, params, reason}]}: `body` is the HTML exactly as it would be sent, `text` its plain-text part; every merge variable that renders empty, with why (in the Accept-Language). A draft (subject, body, format) is checked and compiled as a save would.',
  })
  @ApiBody({ schema: { type: 'object', properties: { ...RECORD_CHOICE, subject: { type: 'string' }, body: { type: 'string' }, format: { type: 'string', enum: ['html', 'mjml'] } } }, required: false })
  @ApiAnswers(200, TEMPLATE_PREVIEW_REF, [400, 401, 403, 404, 413])
  preview(@Param('id') id: string, @Body(new ZodPipe(previewBody, { whenAbsent: {} })) body: PreviewBody, @Headers('accept-language') acceptLanguage?: string) {
    return this.sender.preview(id, body, languageOf(acceptLanguage));
  }

  @Post('test-send')
  @HttpCode(200)
  @Roles('flow_admin', 'content_editor')
  @ApiOperation({ summary: 'Send the template, rendered on a record (or sample data), to an address through the outbox' })
  @ApiBody({ schema: { type: 'object', properties: { to: { type: 'string' }, ...RECORD_CHOICE }, required: ['to'] } })
  @ApiAnswers(200, TEMPLATE_TEST_SEND_REF, [400, 401, 403, 404, 413])
  testSend(@Param('id') id: string, @Body(new ZodPipe(testSendBody)) body: TestSendBody) {
    return this.sender.testSend(id, body);
  }
}

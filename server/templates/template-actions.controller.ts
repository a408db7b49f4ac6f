import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { TemplateSender } from './template-sender.js';

/** Preview and test send (SPEC §6); the CRUD routes come from the shared record controller. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/templates/:id')
export class TemplateActionsController {
  constructor(private readonly sender: TemplateSender) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Render the template for a person (or a sample person when none is given)' })
  @ApiBody({ schema: { type: 'object', properties: { personId: { type: 'string' } } }, required: false })
  preview(@Param('id') id: string, @Body() body: unknown) {
    return this.sender.preview(id, body);
  }

  @Post('test-send')
  @HttpCode(200)
  @Roles('flow_admin', 'content_editor')
  @ApiOperation({ summary: 'Send the rendered template to an address through the outbox' })
  @ApiBody({ schema: { type: 'object', properties: { to: { type: 'string' }, personId: { type: 'string' } }, required: ['to'] } })
  testSend(@Param('id') id: string, @Body() body: unknown) {
    return this.sender.testSend(id, body);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MessageDetailQuery } from './message-detail.js';
import { MessagesQuery } from './messages.query.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { outboxQuery, type OutboxQuery } from './messages-input.js';
import { MESSAGE_DETAIL_REF, MESSAGE_LIST_REF } from './messaging-openapi.js';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesQuery,
    private readonly detail: MessageDetailQuery,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The outbox: every e-mail and SMS with its status, newest first' })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['queued', 'sent', 'failed', 'suppressed'] })
  @ApiQuery({ name: 'channel', required: false, enum: ['email', 'sms'] })
  @ApiQuery({ name: 'rule', required: false, description: 'workflow id' })
  @ApiQuery({ name: 'flow', required: false, description: 'flow id' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiAnswers(200, MESSAGE_LIST_REF, [400, 401, 403])
  list(@Query(new ZodPipe(outboxQuery)) query: OutboxQuery) {
    return this.messages.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message: its body, the headers it is sent with, every delivery attempt, and the rule or flow and person it came from' })
  @ApiAnswers(200, MESSAGE_DETAIL_REF, [401, 403, 404])
  get(@Param('id') id: string) {
    return this.detail.get(id);
  }
}

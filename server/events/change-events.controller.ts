import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { ChangeEventsQuery } from './change-events.query.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { changeEventsQuery, type ChangeEventsFilter } from './change-events-input.js';
import { CHANGE_EVENT_LIST_REF } from './events-openapi.js';

@ApiTags('change-events')
@ApiBearerAuth()
@Controller('api/change-events')
export class ChangeEventsController {
  constructor(private readonly events: ChangeEventsQuery) {}

  @Get()
  @ApiOperation({ summary: 'Stored change events, newest first' })
  @ApiQuery({ name: 'entity', required: false, description: 'snake_case entity, e.g. quote_request' })
  @ApiQuery({ name: 'id', required: false })
  @ApiQuery({ name: 'kind', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiAnswers(200, CHANGE_EVENT_LIST_REF, [400, 401, 403])
  list(@Query(new ZodPipe(changeEventsQuery)) query: ChangeEventsFilter, @CurrentPrincipal() viewer: Principal) {
    return this.events.list(query, viewer);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { ChangeEventsQuery } from './change-events.query.js';

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
  list(@Query() query: Record<string, unknown>, @CurrentPrincipal() viewer: Principal) {
    return this.events.list(query, viewer);
  }
}

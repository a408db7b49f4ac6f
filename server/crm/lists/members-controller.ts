import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/current-principal.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { addMembersBody, type MembersService } from './members.service.js';

export function membersServiceToken(path: string): string {
  return `MembersService:${path}`;
}

/** `/api/<selections|projects>/:id/members`. */
export function membersController(path: 'selections' | 'projects'): Type<unknown> {
  @ApiTags(path)
  @ApiBearerAuth()
  @Controller(`api/${path}/:id/members`)
  class MembersController {
    constructor(@Inject(membersServiceToken(path)) readonly members: MembersService) {}

    @Get()
    @ApiOperation({ summary: 'List the members (persons), paged' })
    list(@Param('id') id: string, @Query() query: Record<string, unknown>) {
      return this.members.list(id, query);
    }

    @Post()
    @HttpCode(200)
    @Roles('flow_admin', 'content_editor')
    @ApiOperation({ summary: 'Add persons; each new member emits an added event' })
    @ApiBody({ schema: z.toJSONSchema(addMembersBody, { io: 'input', target: 'openapi-3.0' }) as Record<string, unknown> })
    add(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
      return this.members.add(id, body, principal);
    }

    @Delete(':personId')
    @HttpCode(204)
    @Roles('flow_admin', 'content_editor')
    @ApiOperation({ summary: 'Remove a person; emits a removed event' })
    remove(@Param('id') id: string, @Param('personId') personId: string, @CurrentPrincipal() principal: Principal) {
      return this.members.remove(id, personId, principal);
    }
  }
  Object.defineProperty(MembersController, 'name', { value: `${path}MembersController` });
  return MembersController;
}

import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/current-principal.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { ApiAnswers } from '../../common/openapi-components.js';
import { pagingQuery, type PagingQuery } from '../../common/paging.js';
import { ZodPipe } from '../../common/zod-pipe.js';
import { MEMBER_LIST_REF, MEMBERS_ADDED_REF } from './members-openapi.js';
import { addMembersBody, type AddMembersBody } from './members-input.js';
import type { MembersService } from './members.service.js';

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
    @ApiAnswers(200, MEMBER_LIST_REF, [400, 401, 403, 404])
    list(@Param('id') id: string, @Query(new ZodPipe(pagingQuery)) query: PagingQuery) {
      return this.members.list(id, query);
    }

    @Post()
    @HttpCode(200)
    @Roles('flow_admin', 'content_editor')
    @ApiOperation({ summary: 'Add persons; each new member emits an added event' })
    @ApiAnswers(200, MEMBERS_ADDED_REF, [400, 401, 403, 404, 413])
    @ApiBody({ schema: z.toJSONSchema(addMembersBody, { io: 'input', target: 'openapi-3.0' }) as Record<string, unknown> })
    add(@Param('id') id: string, @Body(new ZodPipe(addMembersBody)) body: AddMembersBody, @CurrentPrincipal() principal: Principal) {
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

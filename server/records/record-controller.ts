import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiAnswers as Answers, pageSchema, registerComponentSchema } from '../common/openapi-components.js';
import { jsonObject, ZodPipe } from '../common/zod-pipe.js';
import type { BaseRecord } from './base-record.js';
import { createSchema, updateSchema } from './fields.js';
import type { RecordBody, RecordService } from './record.service.js';
import { recordSchema, recordSchemaName } from './record-schema.js';
import type { Resource } from './resource.js';

/** The DI token of a resource's RecordService. */
export function recordServiceToken(resource: { readonly name: string }): string {
  return `RecordService:${resource.name}`;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
}

/**
 * A thin REST controller for one CRM resource: POST 201, GET list and one, PATCH, DELETE 204.
 * Every resource gets the same routes, so they are made here rather than copied fifteen times.
 */
export function recordController<E extends BaseRecord>(resource: Resource<E>): Type<unknown> {
  const writers = [...resource.writeRoles];
  const deleters = [...(resource.deleteRoles ?? resource.writeRoles)];
  const createBody = jsonSchema(createSchema(resource.fields));
  const updateBody = jsonSchema(updateSchema(resource.fields));
  const label = resource.name.replace(/_/g, ' ');
  const name = recordSchemaName(resource as Resource<BaseRecord>);
  const one = { $ref: registerComponentSchema(name, recordSchema(resource as Resource<BaseRecord>)) };
  const page = { $ref: registerComponentSchema(`${name}List`, pageSchema(one.$ref)) };

  @ApiTags(resource.path)
  @ApiBearerAuth()
  @Controller(`api/${resource.path}`)
  class RecordController {
    constructor(@Inject(recordServiceToken(resource as Resource<BaseRecord>)) readonly records: RecordService<E>) {}

    @Get()
    @ApiOperation({ summary: `List ${resource.plural} (paged; exact-match filters on any field; q searches text)` })
    @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', default: 50, maximum: 1000 } })
    @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', default: 0 } })
    @ApiQuery({ name: 'q', required: false, schema: { type: 'string' } })
    @Answers(200, page, [400, 401, 403])
    list(@Query(new ZodPipe(jsonObject)) query: Record<string, unknown>, @CurrentPrincipal() viewer: Principal) {
      return this.records.list(query, viewer);
    }

    @Get(':id')
    @ApiOperation({ summary: `Get one ${label}` })
    @Answers(200, one, [400, 401, 403, 404])
    get(@Param('id') id: string, @CurrentPrincipal() viewer: Principal) {
      return this.records.get(id, viewer);
    }

    @Post()
    @Roles(...writers)
    @ApiOperation({ summary: `Create a ${label}` })
    @ApiBody({ schema: createBody })
    @Answers(201, one, [400, 401, 403, 409, 413])
    create(@Body(new ZodPipe(jsonObject)) body: RecordBody, @CurrentPrincipal() principal: Principal) {
      return this.records.create(body, principal);
    }

    @Patch(':id')
    @Roles(...writers)
    @ApiOperation({ summary: `Update a ${label} (only the fields given)` })
    @ApiBody({ schema: updateBody })
    @Answers(200, one, [400, 401, 403, 404, 409, 413])
    update(@Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: RecordBody, @CurrentPrincipal() principal: Principal) {
      return this.records.update(id, body, principal);
    }

    /** A route only where the resource accepts PUT (see below). */
    replace(@Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: RecordBody, @CurrentPrincipal() principal: Principal) {
      return this.records.update(id, body, principal);
    }

    @Delete(':id')
    @HttpCode(204)
    @Roles(...deleters)
    @ApiOperation({ summary: `Delete a ${label} (409 when other records refer to it)` })
    @Answers(204, undefined, [400, 401, 403, 404, 409])
    remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
      return this.records.remove(id, principal);
    }
  }
  if (resource.put) {
    const descriptor = Object.getOwnPropertyDescriptor(RecordController.prototype, 'replace')!;
    for (const decorate of [Put(':id'), Roles(...writers), ApiOperation({ summary: `Update a ${label} (PUT and PATCH both take only the fields that change)` }), ApiBody({ schema: updateBody }), Answers(200, one, [400, 401, 403, 404, 409, 413])]) {
      decorate(RecordController.prototype, 'replace', descriptor);
    }
  }
  Object.defineProperty(RecordController, 'name', { value: `${resource.entity.name}Controller` });
  return RecordController;
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { WorkflowExplainer } from './workflow-explainer.js';
import { WorkflowsService } from './workflows.service.js';

const sourceBody = { schema: { type: 'object', properties: { name: { type: 'string' }, source: { type: 'string' } }, required: ['source'] } };

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('api/workflows')
export class WorkflowsController {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly explainer: WorkflowExplainer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List workflows (paged; q searches the name)' })
  list(@Query() query: Record<string, unknown>) {
    return this.workflows.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.workflows.get(id);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every saved source with author and time, newest first' })
  versions(@Param('id') id: string) {
    return this.workflows.versions(id);
  }

  @Post()
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Create a workflow from DSL source (400 with diagnostics when it has errors)' })
  @ApiBody(sourceBody)
  create(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.workflows.create(body, principal);
  }

  @Put(':id')
  @Roles('flow_admin')
  @ApiBody(sourceBody)
  update(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.workflows.update(id, body, principal);
  }

  @Patch(':id')
  @Roles('flow_admin')
  @ApiBody(sourceBody)
  patch(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.workflows.update(id, body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Delete a workflow; what it had pending is cancelled' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.workflows.remove(id, principal);
  }

  @Post(':id/explain')
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether the rule matches a record now, each condition with its fact value, and what is pending' })
  @ApiBody({ schema: { type: 'object', properties: { entity: { type: 'string' }, id: { type: 'string' } }, required: ['entity', 'id'] } })
  explain(@Param('id') id: string, @Body() body: unknown) {
    return this.explainer.explain(id, body);
  }
}

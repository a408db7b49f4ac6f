import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { jsonObject, ZodPipe } from '../common/zod-pipe.js';
import { DOCUMENT_VERSION_LIST_REF } from '../language/dsl-openapi.js';
import { WORKFLOW_EXPLANATION_REF, WORKFLOW_LIST_REF, WORKFLOW_REF } from './workflow-openapi.js';
import { WorkflowExplainer } from './workflow-explainer.js';
import { explainBody, workflowBody, workflowsQuery, type ExplainBody, type WorkflowBody, type WorkflowsQuery } from './workflow-input.js';
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
  @ApiAnswers(200, WORKFLOW_LIST_REF, [400, 401, 403])
  list(@Query(new ZodPipe(workflowsQuery)) query: WorkflowsQuery) {
    return this.workflows.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One workflow: its DSL source, whether it is active, its version' })
  @ApiAnswers(200, WORKFLOW_REF, [400, 401, 403, 404])
  get(@Param('id') id: string) {
    return this.workflows.get(id);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every saved source with author and time, newest first' })
  @ApiAnswers(200, DOCUMENT_VERSION_LIST_REF, [401, 403, 404])
  versions(@Param('id') id: string) {
    return this.workflows.versions(id);
  }

  @Post()
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Create a workflow from DSL source (400 with diagnostics when it has errors)' })
  @ApiBody(sourceBody)
  @ApiAnswers(201, WORKFLOW_REF, [400, 401, 403, 409, 413])
  create(@Body(new ZodPipe(workflowBody)) body: WorkflowBody, @CurrentPrincipal() principal: Principal) {
    return this.workflows.create(body, principal);
  }

  @Put(':id')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Edit a workflow from DSL source (400 with diagnostics when it has errors)' })
  @ApiBody(sourceBody)
  @ApiAnswers(200, WORKFLOW_REF, [400, 401, 403, 404, 409, 413])
  async update(@Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    return this.workflows.update(id, await this.workflows.updateInput(id, body), principal);
  }

  @Patch(':id')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Edit a workflow from DSL source, as PUT' })
  @ApiBody(sourceBody)
  @ApiAnswers(200, WORKFLOW_REF, [400, 401, 403, 404, 409, 413])
  async patch(@Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    return this.workflows.update(id, await this.workflows.updateInput(id, body), principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Delete a workflow; what it had pending is cancelled' })
  @ApiAnswers(204, undefined, [400, 401, 403, 404, 409])
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.workflows.remove(id, principal);
  }

  @Post(':id/explain')
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether the rule matches a record now, each condition with its fact value, and what is pending' })
  @ApiBody({ schema: { type: 'object', properties: { entity: { type: 'string' }, id: { type: 'string' } }, required: ['entity', 'id'] } })
  @ApiAnswers(200, WORKFLOW_EXPLANATION_REF, [400, 401, 403, 404, 413])
  explain(@Param('id') id: string, @Body(new ZodPipe(explainBody)) body: ExplainBody) {
    return this.explainer.explain(id, body);
  }
}

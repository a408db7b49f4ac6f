import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { jsonObject, ZodPipe } from '../common/zod-pipe.js';
import { DOCUMENT_VERSION_LIST_REF } from '../language/dsl-openapi.js';
import {
  FLOW_CONTENT_REF, FLOW_EDIT_PREVIEW_REF, FLOW_ENROLMENT_REF, FLOW_EXPERIMENTS_REF, FLOW_LIST_REF, FLOW_PARTICIPANT_LIST_REF, FLOW_REF,
  FLOW_STATS_REF, FLOW_STEP_GRAPH_REF, FLOW_STEP_STATS_REF,
} from './flow-openapi.js';
import { FLOW_SIMULATION_REF } from './flow-simulation-openapi.js';
import { FlowEditing } from './flow-editing.js';
import {
  enrolBody, flowBody, flowsQuery, participantsQuery, previewEditBody, simulateBody,
  type EnrolRequest, type FlowBody, type FlowsQuery, type ParticipantsQuery, type PreviewEditBody, type SimulateBody,
} from './flow-input.js';
import { FlowLifecycle } from './flow-lifecycle.js';
import { FlowQueries } from './flow-queries.js';
import { FlowCopies } from './flow-copies.js';
import { FlowContent } from './flow-content.js';
import { FlowStepStats } from './flow-step-stats.js';
import { FlowExperiments } from './flow-experiments.js';

const sourceBody = { schema: { type: 'object', properties: { name: { type: 'string' }, source: { type: 'string' } }, required: ['source'] } };

@ApiTags('flows')
@ApiBearerAuth()
@Controller('api/flows')
export class FlowsController {
  constructor(
    private readonly queries: FlowQueries,
    private readonly editing: FlowEditing,
    private readonly lifecycle: FlowLifecycle,
    private readonly copies: FlowCopies,
    private readonly content: FlowContent,
    private readonly stepStats: FlowStepStats,
    private readonly experiments: FlowExperiments,
  ) {}

  @Get(':id/experiments')
  @ApiOperation({ summary: 'Per random split: each branch\'s participants, success rate, unique opens and clicks, the difference to the control with a 95% interval and p-value, the winner and a verdict' })
  @ApiAnswers(200, FLOW_EXPERIMENTS_REF, [401, 403, 404])
  experimentReadout(@Param('id') id: string) {
    return this.experiments.of(id);
  }

  @Get()
  @ApiOperation({ summary: 'List flows (filter by status; q searches the name)' })
  @ApiAnswers(200, FLOW_LIST_REF, [400, 401, 403])
  list(@Query(new ZodPipe(flowsQuery)) query: FlowsQuery) {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One flow: its DSL source, status and version' })
  @ApiAnswers(200, FLOW_REF, [400, 401, 403, 404])
  get(@Param('id') id: string) {
    return this.queries.get(id);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every saved source with author and time, newest first' })
  @ApiAnswers(200, DOCUMENT_VERSION_LIST_REF, [401, 403, 404])
  versions(@Param('id') id: string) {
    return this.queries.versions(id);
  }

  @Post()
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Create a flow from DSL source; unlabelled steps get ids' })
  @ApiBody(sourceBody)
  @ApiAnswers(201, FLOW_REF, [400, 401, 403, 409, 413])
  create(@Body(new ZodPipe(flowBody)) body: FlowBody, @CurrentPrincipal() principal: Principal) {
    return this.editing.create(body, principal);
  }

  @Put(':id')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Edit a flow that is not running (409 when running)' })
  @ApiBody(sourceBody)
  @ApiAnswers(200, FLOW_REF, [400, 401, 403, 404, 409, 413])
  async update(@Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    return this.editing.update(id, await this.editing.updateInput(id, body), principal);
  }

  @Patch(':id')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Edit a flow that is not running, as PUT (409 when running)' })
  @ApiBody(sourceBody)
  @ApiAnswers(200, FLOW_REF, [400, 401, 403, 404, 409, 413])
  async patch(@Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    return this.editing.update(id, await this.editing.updateInput(id, body), principal);
  }

  @Post(':id/copy')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Copy a flow: "<name> (kopie)", not running, the same steps with new ids, no participants' })
  @ApiAnswers(201, FLOW_REF, [400, 401, 403, 404, 409])
  copy(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.copies.copy(id, principal);
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'The templates, forms and files the flow uses; names it uses that do not exist yet under missing' })
  @ApiAnswers(200, FLOW_CONTENT_REF, [401, 403, 404])
  contentOf(@Param('id') id: string) {
    return this.content.of(id);
  }

  @Post(':id/simulate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The path one person would take ({personId} or {person}, days = 30: steps, messages, changes), or a forecast for a selection '
      + '({selectionId}, days = 90: arrivals per step, arrivals, messages and endings per day, random split shares); nothing is stored or sent',
  })
  @ApiAnswers(200, FLOW_SIMULATION_REF, [400, 401, 403, 404, 413])
  simulate(@Param('id') id: string, @Body(new ZodPipe(simulateBody, { whenAbsent: {} })) body: SimulateBody) {
    return this.queries.simulate(id, body);
  }

  @Post(':id/preview-edit')
  @HttpCode(200)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Per step an edit changes or removes, how many participants stand on it (save with {source, moves: {stepId: targetStepId}})' })
  @ApiBody(sourceBody)
  @ApiAnswers(200, FLOW_EDIT_PREVIEW_REF, [400, 401, 403, 404, 413])
  previewEdit(@Param('id') id: string, @Body(new ZodPipe(previewEditBody)) body: PreviewEditBody) {
    return this.queries.previewEdit(id, body);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Start (or resume a paused flow); 409 naming each step and setting that blocks it' })
  @ApiAnswers(200, FLOW_REF, [400, 401, 403, 404, 409])
  start(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.start(id, principal);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Pause a running flow: participants wait where they are, new ones queue' })
  @ApiAnswers(200, FLOW_REF, [400, 401, 403, 404, 409])
  pause(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.pause(id, principal);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'End a running or paused flow: active and queued participants are cancelled' })
  @ApiAnswers(200, FLOW_REF, [400, 401, 403, 404, 409])
  end(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.end(id, principal);
  }

  @Post(':id/participants')
  @HttpCode(200)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Manual enrolment: {personIds} or {selectionId} → {enrolled, queued, refused: [{personId, reason}]}' })
  @ApiBody({ schema: { type: 'object', properties: { personIds: { type: 'array', items: { type: 'string' } }, selectionId: { type: 'string' } } } })
  @ApiAnswers(200, FLOW_ENROLMENT_REF, [400, 401, 403, 404, 409, 413])
  enrol(@Param('id') id: string, @Body(new ZodPipe(enrolBody)) body: EnrolRequest) {
    return this.lifecycle.enrol(id, body);
  }

  @Get(':id/graph')
  @ApiOperation({ summary: 'The step graph for the diagram: nodes with settings and problems, edges' })
  @ApiAnswers(200, FLOW_STEP_GRAPH_REF, [401, 403, 404])
  graph(@Param('id') id: string) {
    return this.queries.graph(id);
  }

  @Get(':id/stats')
  @ApiOperation({ summary: 'Enrolled, per status, refused per reason, per step, success rate, messages per status, enrolments per day' })
  @ApiAnswers(200, FLOW_STATS_REF, [401, 403, 404])
  stats(@Param('id') id: string) {
    return this.queries.statistics(id);
  }

  @Get(':id/step-stats')
  @ApiOperation({ summary: 'Per step: participants on it now, passed it, messages sent, unique opens and clicks → {items: [{stepId, now, passed, sent, opened, clicked}]}' })
  @ApiAnswers(200, FLOW_STEP_STATS_REF, [401, 403, 404])
  stepFigures(@Param('id') id: string) {
    return this.stepStats.of(id);
  }

  @Get(':id/participants')
  @ApiOperation({ summary: 'Participants, paged; filter by status and step' })
  @ApiAnswers(200, FLOW_PARTICIPANT_LIST_REF, [400, 401, 403, 404])
  participants(@Param('id') id: string, @Query(new ZodPipe(participantsQuery)) query: ParticipantsQuery) {
    return this.queries.participants(id, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Delete a flow that is not running (409 when running)' })
  @ApiAnswers(204, undefined, [400, 401, 403, 404, 409])
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.editing.remove(id, principal);
  }
}

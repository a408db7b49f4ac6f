import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { NotFoundError } from '../common/errors.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { jsonObject, ZodPipe } from '../common/zod-pipe.js';
import {
  STATUS_WORKFLOW_SETTING_LIST_REF, STATUS_WORKFLOW_SETTING_REF, TASK_TYPE_WORKFLOW_SETTINGS_LIST_REF, TASK_TYPE_WORKFLOW_SETTINGS_REF,
} from './workflow-openapi.js';
import { STATUS_SETTING_PATHS, WorkflowSettingsService } from './workflow-settings.service.js';

function statusKind(path: string) {
  const kind = STATUS_SETTING_PATHS[path];
  if (!kind) throw new NotFoundError(`No workflow settings at ${path}; use task-types, quote-request-statuses, opportunity-statuses or intake-measures`, { code: 'workflow.settings_not_found', params: { path } });
  return kind;
}

/** The per-status and per-task-type forms of seed 004. */
@ApiTags('workflow-settings')
@ApiBearerAuth()
@Controller('api/workflow-settings')
export class WorkflowSettingsController {
  constructor(private readonly settings: WorkflowSettingsService) {}

  @Get('task-types')
  @ApiOperation({ summary: 'Every task type with its three workflows (new, expired, completed)' })
  @ApiAnswers(200, TASK_TYPE_WORKFLOW_SETTINGS_LIST_REF, [401, 403])
  listTaskTypes() {
    return this.settings.listTaskTypes();
  }

  @Get('task-types/:id')
  @ApiOperation({ summary: 'One task type with its three workflows (new, expired, completed)' })
  @ApiAnswers(200, TASK_TYPE_WORKFLOW_SETTINGS_REF, [401, 403, 404])
  getTaskType(@Param('id') id: string) {
    return this.settings.getTaskType(id);
  }

  @Put('task-types/:id')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Save a task type’s workflows: writes their DSL' })
  @ApiAnswers(200, TASK_TYPE_WORKFLOW_SETTINGS_REF, [400, 401, 403, 404, 409, 413])
  async putTaskType(@Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    return this.settings.putTaskType(id, await this.settings.taskTypeInput(id, body), principal);
  }

  @Get(':kind')
  @ApiOperation({ summary: 'Every status of the kind with its workflow setting (quote-request-statuses, opportunity-statuses, intake-measures)' })
  @ApiAnswers(200, STATUS_WORKFLOW_SETTING_LIST_REF, [401, 403, 404])
  listStatuses(@Param('kind') kind: string) {
    return this.settings.listStatuses(statusKind(kind));
  }

  @Get(':kind/:id')
  @ApiOperation({ summary: 'One status of the kind with its workflow setting' })
  @ApiAnswers(200, STATUS_WORKFLOW_SETTING_REF, [401, 403, 404])
  getStatus(@Param('kind') kind: string, @Param('id') id: string) {
    return this.settings.getStatus(statusKind(kind), id);
  }

  @Put(':kind/:id')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Save a status row: writes (or removes) its workflow’s DSL' })
  @ApiAnswers(200, STATUS_WORKFLOW_SETTING_REF, [400, 401, 403, 404, 409, 413])
  async putStatus(@Param('kind') kind: string, @Param('id') id: string, @Body(new ZodPipe(jsonObject)) body: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    const status = statusKind(kind);
    return this.settings.putStatus(status, id, await this.settings.statusInput(status, id, body), principal);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { AUDIT_SUBJECTS } from './audit-entry.entity.js';
import { AuditLog } from './audit-log.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { auditQuery, type AuditQuery } from './audit-input.js';
import { AUDIT_ENTRY_LIST_REF } from './audit-openapi.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Who changed which workflow, flow, template, status, task type or role, when, with the state before and after (newest first)' })
  @ApiQuery({ name: 'subject', required: false, enum: AUDIT_SUBJECTS })
  @ApiQuery({ name: 'subjectId', required: false })
  @ApiQuery({ name: 'actor', required: false, description: 'employee:<id>, api-token or system' })
  @ApiAnswers(200, AUDIT_ENTRY_LIST_REF, [400, 401, 403])
  list(@Query(new ZodPipe(auditQuery)) query: AuditQuery) {
    return this.audit.list(query);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { AUDIT_SUBJECTS } from './audit-entry.entity.js';
import { AuditLog } from './audit-log.js';

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
  list(@Query() query: Record<string, unknown>) {
    return this.audit.list(query);
  }
}

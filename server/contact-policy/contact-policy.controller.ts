import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ContactHistory } from './contact-history.js';
import { ContactPolicies } from './contact-policies.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { contactPolicyBody, type ContactPolicyBody } from './contact-policy-input.js';
import { CONTACT_HISTORY_REF, CONTACT_POLICY_REF } from './contact-policy-openapi.js';

@ApiTags('contact policy')
@ApiBearerAuth()
@Controller('api')
export class ContactPolicyController {
  constructor(
    private readonly policies: ContactPolicies,
    private readonly contactHistory: ContactHistory,
  ) {}

  @Get('contact-policy')
  @ApiOperation({ summary: 'The contact policy as DSL source {source, updatedAt, updatedBy}' })
  @ApiAnswers(200, CONTACT_POLICY_REF, [401, 403])
  get() {
    return this.policies.get();
  }

  @Put('contact-policy')
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Replace the contact policy (400 with details.diagnostics when the source has errors)' })
  @ApiBody({ schema: { type: 'object', properties: { source: { type: 'string' } }, required: ['source'] } })
  @ApiAnswers(200, CONTACT_POLICY_REF, [400, 401, 403, 413])
  put(@Body(new ZodPipe(contactPolicyBody)) body: ContactPolicyBody, @CurrentPrincipal() principal: Principal) {
    return this.policies.save(body, principal);
  }

  @Get('persons/:id/contact-history')
  @ApiOperation({ summary: 'What was sent to a person, and what the contact policy deferred or skipped, newest first' })
  @ApiAnswers(200, CONTACT_HISTORY_REF, [401, 403, 404])
  history(@Param('id') id: string) {
    return this.contactHistory.of(id);
  }
}

import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CrmModule } from '../crm/crm.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { ContactErasure } from './contact-erasure.js';
import { ContactGate } from './contact-gate.js';
import { ContactHistory } from './contact-history.js';
import { ContactPolicies } from './contact-policies.js';
import { ContactPolicyController } from './contact-policy.controller.js';

/** The contact policy: how often and when marketing messages may reach a person, and the history of what it held back. */
@Module({
  imports: [AuditModule, CrmModule, MessagingModule],
  controllers: [ContactPolicyController],
  providers: [ContactPolicies, ContactGate, ContactHistory, ContactErasure],
  exports: [ContactGate],
})
export class ContactPolicyModule {}

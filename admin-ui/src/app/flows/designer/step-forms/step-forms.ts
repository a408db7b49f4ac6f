import type { Type } from '@angular/core';
import type { StepKind } from '@stroom/dsl';
import { CallWebhookFormComponent } from './call-webhook-form.component';
import { CompleteFormComponent } from './complete-form.component';
import { DistributeFormComponent } from './distribute-form.component';
import { FollowUpFormComponent } from './follow-up-form.component';
import { LeaveFormComponent } from './leave-form.component';
import { MembershipFormComponent } from './membership-form.component';
import { NotifyEmailFormComponent } from './notify-email-form.component';
import { NotifySmsFormComponent } from './notify-sms-form.component';
import { RequestFormComponent } from './request-form.component';
import { RunScriptFormComponent } from './run-script-form.component';
import { SaleFormComponent } from './sale-form.component';
import { SendEmailFormComponent } from './send-email-form.component';
import { SendSmsFormComponent } from './send-sms-form.component';
import { SplitFormComponent } from './split-form.component';
import { UpdatePersonFormComponent } from './update-person-form.component';
import { WaitForFormComponent } from './wait-for-form.component';
import { WaitFormComponent } from './wait-form.component';
import { WaitUntilFormComponent } from './wait-until-form.component';

/** The settings form of each step kind (every one takes the inputs `step` and `readOnly`). */
export const STEP_FORMS: Readonly<Record<StepKind, Type<unknown>>> = {
  send_email: SendEmailFormComponent,
  send_sms: SendSmsFormComponent,
  update_person: UpdatePersonFormComponent,
  membership: MembershipFormComponent,
  create_follow_up: FollowUpFormComponent,
  create_request: RequestFormComponent,
  create_sale: SaleFormComponent,
  distribute: DistributeFormComponent,
  run_script: RunScriptFormComponent,
  notify_email: NotifyEmailFormComponent,
  notify_sms: NotifySmsFormComponent,
  wait: WaitFormComponent,
  wait_until: WaitUntilFormComponent,
  wait_for: WaitForFormComponent,
  split: SplitFormComponent,
  leave: LeaveFormComponent,
  complete: CompleteFormComponent,
  call_webhook: CallWebhookFormComponent,
};

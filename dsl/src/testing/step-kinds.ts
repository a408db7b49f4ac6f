import type { StepKind } from '../ast.js';

/** Every step kind, so a spec can go over them all (the compiler checks the list is complete). */
const ALL: { [K in StepKind]: true } = {
  send_email: true, send_sms: true, update_person: true, membership: true, create_follow_up: true, create_request: true,
  create_sale: true, distribute: true, run_script: true, notify_email: true, notify_sms: true, wait: true, wait_until: true,
  wait_for: true, split: true, leave: true, complete: true, call_webhook: true,
};
export const STEP_KINDS_FOR_TEST = Object.keys(ALL) as StepKind[];

import type { LeaveAction, LeaveOptions, Step } from '@stroom/dsl';

/**
 * Where a step keeps what happens when a participant leaves: the leave step, a wait's time-out, an
 * SMS without mobile number, a split's "others" that leave.
 */
export function leaveOptionsOf(step: Step): LeaveOptions | undefined {
  if (step.kind === 'leave') return step;
  if (step.kind === 'split' && step.others?.kind === 'leave') return step.others;
  if (step.kind === 'wait_for' && step.onTimeout?.kind === 'leave') return step.onTimeout;
  if (step.kind === 'send_sms' && step.ifNoMobile?.kind === 'leave') return step.ifNoMobile;
  return undefined;
}

/** The flow a leaver is proposed to, or the selection it is added to ('' when none). */
export function leaveTarget(step: Step, kind: LeaveAction['kind']): string {
  return targetIn(leaveOptionsOf(step), kind);
}

/** The same for leave options held elsewhere (the flow's exit rule). */
export function targetIn(options: LeaveOptions | undefined, kind: LeaveAction['kind']): string {
  const action = options?.actions.find((a) => a.kind === kind);
  if (!action) return '';
  return action.kind === 'move_to_flow' ? action.flow : action.selection;
}

/** Sets (or with '' removes) the flow or selection of a step's leave options, keeping the other action and its comments. */
export function setLeaveTarget(step: Step, kind: LeaveAction['kind'], name: string): void {
  setTargetIn(leaveOptionsOf(step), kind, name);
}

/** The same for leave options held elsewhere (the flow's exit rule). */
export function setTargetIn(options: LeaveOptions | undefined, kind: LeaveAction['kind'], name: string): void {
  if (!options) return;
  const index = options.actions.findIndex((a) => a.kind === kind);
  const comments = index >= 0 ? options.actions[index]!.comments : undefined;
  const action: LeaveAction | undefined = !name ? undefined
    : kind === 'move_to_flow' ? { kind, flow: name, ...(comments ? { comments } : {}) } : { kind, selection: name, ...(comments ? { comments } : {}) };
  if (index >= 0) {
    if (action) options.actions[index] = action;
    else options.actions.splice(index, 1);
  } else if (action) {
    options.actions.push(action);
  }
}

// The grammar, part 8: workflows, and the program (workflows and flows).
import type { IOrAlt, IToken } from 'chevrotain';
import type {
  ChangeValues, Condition, Declaration, Loc, Reminder, Role, SmsMessage, When, Workflow, WorkflowAction, WorkflowTrigger,
} from './ast.js';
import { isReal, text, withPart, type BuildContext } from './build-context.js';
import {
  durationOf, entityOf, partyOf, wholeNumber, withChange, type DurationParts, type PathParts,
} from './build-parts.js';
import type { flowGrammar } from './grammar-flow.js';
import { defined, emptySendParts, type SendParts } from './grammar-send.js';
import { K, LCurly, NumberLiteral, RCurly, StringLiteral } from './tokens.js';

type WorkflowItem = WorkflowTrigger | When | WorkflowAction | Reminder;

const TRIGGER_EVENTS = [K.created, K.updated, K.deleted, K.expired, K.completed];

export function workflowGrammar(Base: ReturnType<typeof flowGrammar>) {
  return class WorkflowGrammar extends Base {
    /** The declarations read so far: kept outside the rule, so that a parse that gives up keeps them. */
    protected declarations: Declaration[] = [];

    program = this.RULE('program', () => {
      this.MANY(() => {
        let declaration: Declaration | undefined;
        try {
          declaration = this.OR<IOrAlt<Declaration | undefined>[]>(this.alts.program ??= [
            { ALT: () => this.SUBRULE(this.workflowDeclaration) },
            { ALT: () => this.SUBRULE(this.flowDeclaration) },
          ]);
        } catch (error) {
          declaration = this.salvaged(error, 'workflowDeclaration') ?? this.salvaged(error, 'flowDeclaration');
          throw error;
        } finally {
          this.ACTION(() => { if (declaration) this.declarations.push(declaration); });
        }
      });
    });

    workflowDeclaration = this.RULE('workflowDeclaration', (): Workflow | undefined => {
      const first = this.LA(1);
      let name: IToken | undefined;
      let inactive: IToken | undefined;
      let open: IToken | undefined;
      let close: IToken | undefined;
      const items: (WorkflowItem | undefined)[] = [];
      const build = () => workflowOf(this.ctx, name, inactive === undefined, defined(items), open, close, this.locFrom(first));
      try {
        this.CONSUME(K.workflow);
        name = this.CONSUME(StringLiteral);
        inactive = this.OPTION(() => this.CONSUME(K.inactive));
        open = this.CONSUME(LCurly);
        this.MANY(() => items.push(this.SUBRULE(this.workflowItem)));
        close = this.CONSUME(RCurly);
      } catch (error) {
        items.push(this.salvaged(error, 'workflowItem'));
        this.salvage('workflowDeclaration', error, build);
      }
      return this.ACTION(build);
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'workflowDeclaration') });

    workflowItem = this.RULE('workflowItem', (): WorkflowItem | undefined => {
      try {
        return this.OR<IOrAlt<WorkflowItem | undefined>[]>(this.alts.workflowItem ??= [
          { ALT: () => this.SUBRULE(this.workflowTrigger) },
          {
            ALT: () => {
              const first = this.LA(1);
              let condition: Condition = { kind: 'or', operands: [] };
              const build = (): When => ({ kind: 'when', condition, loc: this.locFrom(first) });
              try {
                this.CONSUME(K.when);
                condition = this.SUBRULE(this.condition);
              } catch (error) {
                this.salvage('when', error, build);
              }
              return this.ACTION(build);
            },
          },
          { ALT: () => this.SUBRULE(this.workflowAction) },
          { ALT: () => this.SUBRULE(this.reminder) },
        ]);
      } catch (error) {
        const item = this.salvaged(error, 'workflowTrigger') ?? this.salvaged(error, 'when')
          ?? this.salvaged(error, 'workflowAction') ?? this.salvaged(error, 'reminder');
        return this.salvage('workflowItem', error, () => item);
      }
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'workflowItem') });

    workflowTrigger = this.RULE('workflowTrigger', (): WorkflowTrigger | undefined => {
      const first = this.LA(1);
      let path: PathParts | undefined;
      let event: IToken | ChangeValues | undefined;
      const build = () => triggerOf(this.ctx, path, event, this.locFrom(first));
      try {
        this.CONSUME(K.on);
        path = this.SUBRULE(this.path);
        event = this.OR<IOrAlt<IToken | ChangeValues>[]>(this.alts.workflowTrigger ??= [
          ...this.tokenAlternatives(TRIGGER_EVENTS),
          { ALT: () => this.SUBRULE(this.changeValues) },
        ]);
      } catch (error) {
        this.salvage('workflowTrigger', error, build);
      }
      return this.ACTION(build);
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'workflowTrigger') });

    workflowAction = this.RULE('workflowAction', (): WorkflowAction | undefined => {
      const first = this.LA(1);
      let delay: DurationParts | undefined;
      let parts: SendParts | undefined;
      const build = () => actionOf(this.ctx, parts ?? emptySendParts(), delay, this.locFrom(first));
      try {
        delay = this.OPTION(() => { this.CONSUME(K.after); return this.SUBRULE(this.duration); });
        parts = this.SUBRULE(this.sendAction);
      } catch (error) {
        parts = this.salvaged(error, 'sendAction');
        this.salvage('workflowAction', error, build);
      }
      return this.ACTION(build);
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'workflowAction') });

    reminder = this.RULE('reminder', (): Reminder | undefined => {
      const first = this.LA(1);
      let every: IToken | undefined;
      let count: IToken | undefined;
      const build = (): Reminder => {
        const everyDays = wholeNumber(this.ctx, every, 'days');
        const maxCount = wholeNumber(this.ctx, count, 'times');
        if (isReal(every) && everyDays < 1) this.ctx.error(this.ctx.token(every), 'reminder-every');
        if (isReal(count) && maxCount < 1) this.ctx.error(this.ctx.token(count), 'reminder-count');
        return { kind: 'remind', everyDays, maxCount, loc: this.locFrom(first) };
      };
      try {
        this.CONSUME(K.remind);
        this.CONSUME(K.every);
        every = this.CONSUME(NumberLiteral);
        this.CONSUME(K.days);
        this.CONSUME(K.at);
        this.CONSUME(K.most);
        count = this.CONSUME2(NumberLiteral);
        this.CONSUME(K.times);
      } catch (error) {
        this.salvage('reminder', error, build);
      }
      return this.ACTION(build);
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'reminder') });
  };
}

const fallbackTrigger = (): WorkflowTrigger => ({ kind: 'record_event', entity: 'person', event: 'created' });

function workflowOf(
  ctx: BuildContext, nameToken: IToken | undefined, active: boolean, items: WorkflowItem[], open: IToken | undefined,
  close: IToken | undefined, loc: Loc | undefined,
): Workflow {
  const workflow: Workflow = { kind: 'workflow', name: text(nameToken), active, trigger: fallbackTrigger(), actions: [], loc };
  withPart(workflow, 'name', ctx.token(nameToken));
  let trigger: WorkflowTrigger | undefined;
  let lastAction: WorkflowAction | undefined;
  for (const item of items) {
    if (item.kind === 'when') {
      if (workflow.when) ctx.error(item.loc, 'duplicate-when');
      else workflow.when = item;
    } else if (item.kind === 'send_email' || item.kind === 'send_sms') {
      lastAction = item;
      workflow.actions.push(item);
    } else if (item.kind === 'remind') {
      if (!lastAction) ctx.error(item.loc, 'remind-without-send');
      else if (lastAction.reminder) ctx.error(item.loc, 'duplicate-reminder');
      else lastAction.reminder = item;
    } else if (trigger) {
      ctx.error(item.loc, 'duplicate-trigger');
    } else {
      trigger = item;
    }
  }
  if (trigger) workflow.trigger = trigger;
  else ctx.missingPart(workflow.locs?.name ?? workflow.loc, 'missing-trigger');
  ctx.scope(open, close, workflow, items);
  return workflow;
}

function triggerOf(ctx: BuildContext, path: PathParts | undefined, event: IToken | ChangeValues | undefined, loc: Loc | undefined): WorkflowTrigger {
  const names = path?.names ?? [];
  const entityName = names[0]?.image ?? '';
  const field = names[1]?.image;
  const pathLoc = path?.loc;
  const entity = entityOf(ctx, entityName, pathLoc);
  if (names.length > 2) {
    ctx.error(pathLoc, 'bad-trigger-path', { found: names.map((name) => name.image).join('.') });
  }
  const locs = { entity: pathLoc };
  if (event === undefined) return { ...fallbackTrigger(), loc };
  if (!('tokenType' in event)) {
    if (!field) ctx.error(pathLoc, 'missing-trigger-field', { entity });
    const changed: WorkflowTrigger = { kind: 'field_changed', entity, field: field ?? '' };
    withChange(changed, event);
    changed.loc = loc;
    changed.locs = locs;
    return changed;
  }
  const name = event.tokenType.name as 'created' | 'updated' | 'deleted' | 'expired' | 'completed';
  if (field) ctx.error(pathLoc, 'event-on-field', { entity, event: name });
  if (name === 'expired' || name === 'completed') {
    if (entity !== 'task') ctx.error(pathLoc, 'task-only-event', { event: name });
    return { kind: name === 'expired' ? 'task_expired' : 'task_completed', loc, locs };
  }
  return { kind: 'record_event', entity, event: name, loc, locs };
}

const EMAIL_RECIPIENTS: readonly Role[] = ['person', 'contact', 'responsible', 'owner', 'our_contact', 'service_contact'];

function actionOf(ctx: BuildContext, parts: SendParts, delayParts: DurationParts | undefined, loc: Loc | undefined): WorkflowAction {
  for (const subject of parts.subjects) ctx.error(ctx.token(subject), 'workflow-subject');
  for (const attachment of parts.attachments) ctx.error(ctx.token(attachment), 'flows-only', { what: 'attach' });
  for (const option of parts.noMobile) ctx.error(option.loc, 'flows-only', { what: 'if no mobile' });
  // A workflow's messages are transactional already.
  for (const token of parts.transactional) ctx.error(ctx.token(token), 'flows-only', { what: 'transactional' });
  for (const sender of parts.senders) ctx.error(ctx.token(sender), 'flows-only', { what: 'from' });
  const delay = delayParts ? durationOf(ctx, delayParts) : undefined;
  // Built key by key rather than spread: `delay`, when given, comes right after `kind`.
  let action: WorkflowAction;
  if (parts.channel === 'email') {
    const { recipients } = parts;
    const recipientParts = recipients[0];
    if (!recipientParts) ctx.missingPart(loc, 'missing-recipient');
    for (let i = 1; i < recipients.length; i++) ctx.error(recipients[i]!.loc, 'duplicate-recipient');
    const recipient = partyOf(ctx, recipientParts, EMAIL_RECIPIENTS, "'to'", 'a quoted e-mail address');
    const template = parts.template ?? '';
    action = delay
      ? { kind: 'send_email', delay, template, recipient, loc }
      : { kind: 'send_email', template, recipient, loc };
    withPart(action, 'recipient', recipientParts?.loc);
  } else {
    for (const recipient of parts.recipients) {
      ctx.error(recipient.loc, 'workflow-sms-recipient');
    }
    const message: SmsMessage = parts.template !== undefined
      ? { kind: 'template', template: parts.template }
      : { kind: 'text', text: parts.smsText ?? '' };
    action = delay ? { kind: 'send_sms', delay, message, loc } : { kind: 'send_sms', message, loc };
  }
  return withPart(action, parts.channel === 'email' || parts.template !== undefined ? 'template' : 'text', parts.keyLoc);
}

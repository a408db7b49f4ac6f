// Printing flow steps: one small handler per kind, settings in the canonical order of the DSL reference.
import type { Step, StepKind, UpdateOperation } from './ast.js';
import {
  conditionText, durationText, Lines, numberText, partyText, printLeaveBlock, valueText,
} from './printer-text.js';
import { quote, quoteScript } from './strings.js';

type StepPrinter<K extends StepKind> = (out: Lines, depth: number, head: string, step: Extract<Step, { kind: K }>) => void;

const optional = (keyword: string, value: string | undefined) => (value === undefined ? '' : ` ${keyword} ${quote(value)}`);

/** Steps printed on a single line. */
const oneLine = <K extends StepKind>(text: (step: Extract<Step, { kind: K }>) => string): StepPrinter<K> =>
  (out, depth, head, step) => out.add(depth, head + text(step));

const printers: { [K in StepKind]: StepPrinter<K> } = {
  send_email: oneLine((step) =>
    `send email ${quote(step.template)}${optional('subject', step.subject)}${step.attachments.map((a) => ` attach ${quote(a)}`).join('')}${step.transactional ? ' transactional' : ''}`),
  send_sms: (out, depth, head, step) => {
    const message = step.message.kind === 'template' ? `template ${quote(step.message.template)}` : quote(step.message.text);
    const text = `${head}send sms ${message}${optional('from', step.from)}${step.transactional ? ' transactional' : ''}`;
    if (!step.ifNoMobile) out.add(depth, text);
    else if (step.ifNoMobile.kind === 'skip') out.add(depth, `${text} if no mobile skip`);
    else printLeaveBlock(out, depth, `${text} if no mobile leave`, step.ifNoMobile);
  },
  update_person: (out, depth, head, step) => {
    out.add(depth, `${head}update person {`);
    for (const operation of step.operations) {
      out.comments(depth + 1, operation.comments);
      out.add(depth + 1, operationText(operation));
    }
    out.comments(depth + 1, step.endComments);
    out.add(depth, '}');
  },
  membership: oneLine((step) => `${step.change === 'add' ? 'add to' : 'remove from'} ${step.target} ${quote(step.name)}`),
  create_follow_up: oneLine((step) => {
    const date = step.date.kind === 'first_available' ? 'at first_available'
      : step.date.kind === 'task_date' ? 'on task_date' : `after ${durationText(step.date.duration)}`;
    return `create follow_up ${quote(step.title)} type ${quote(step.type)}${optional('project', step.project)} ${date}`
      + ` assign ${partyText(step.assign)}${optional('agenda', step.agenda)}`;
  }),
  create_request: oneLine((step) =>
    `create request ${quote(step.title)} type ${quote(step.type)} status ${quote(step.status)}`
    + `${optional('category', step.category)}${optional('priority', step.priority)} owner ${partyText(step.owner)}`
    + optional('message', step.message)),
  create_sale: oneLine((step) => {
    const amount = step.amount === undefined ? '' : ` amount ${numberText(step.amount)}`;
    const date = !step.date ? '' : step.date.kind === 'by_type' ? ' date by_type' : ` date after ${durationText(step.date.duration)}`;
    const owner = step.owner ? ` owner ${partyText(step.owner)}` : '';
    return `create sale ${quote(step.title)} type ${quote(step.type)} stage ${step.stage}${amount}`
      + `${optional('description', step.description)}${optional('project', step.project)}${date}${owner}`;
  }),
  distribute: oneLine((step) => {
    const pool = step.pool.kind === 'group' ? `group ${quote(step.pool.name)}` : `among ${step.pool.emails.map(quote).join(', ')}`;
    return `distribute to owner ${pool}${optional('fallback', step.fallback)}${step.onlyIfUnassigned ? ' if unassigned' : ''}`;
  }),
  run_script: oneLine((step) => {
    const timeout = step.timeoutMs === undefined ? '' : ` timeout ${step.timeoutMs} ms`;
    const memory = step.memoryMb === undefined ? '' : ` memory ${step.memoryMb} MB`;
    return `run script ${quoteScript(step.source)}${timeout}${memory}`;
  }),
  call_webhook: oneLine((step) => {
    const headers = step.headers.map((header) => ` header ${quote(header.name)} secret ${quote(header.secret)}`).join('');
    const body = step.body === undefined ? '' : ` body ${quoteScript(step.body)}`;
    const timeout = step.timeoutMs === undefined ? '' : ` timeout ${step.timeoutMs} ms`;
    return `call webhook ${step.method} ${quote(step.url)}${headers}${body}${timeout}`;
  }),
  notify_email: oneLine((step) => `notify email to ${partyText(step.to)}${optional('template', step.template)}${optional('subject', step.subject)}`
    + (step.text === undefined ? '' : ` ${quote(step.text)}`)),
  notify_sms: oneLine((step) => `notify sms to ${partyText(step.to)} ${quote(step.text)}${optional('from', step.from)}`),
  wait: oneLine((step) => `wait ${durationText(step.duration)}`),
  wait_until: oneLine((step) => `wait until ${quote(step.until)}`),
  wait_for: (out, depth, head, step) => {
    const { event } = step;
    const what = event.kind === 'form_submitted' ? `form ${quote(event.form)} submitted`
      : event.kind === 'link_clicked' ? `link clicked${event.step ? ` in ${event.step}` : ''}`
      : `email opened${event.step ? ` ${event.step}` : ''}`;
    const text = `${head}wait for ${what}${step.atMost ? ` at most ${durationText(step.atMost)}` : ''}`;
    if (!step.onTimeout) out.add(depth, text);
    else if (step.onTimeout.kind === 'continue') out.add(depth, `${text} else continue`);
    else printLeaveBlock(out, depth, `${text} else leave`, step.onTimeout);
  },
  split: (out, depth, head, step) => {
    out.add(depth, `${head}split ${step.random ? 'random ' : ''}${quote(step.name)} {`);
    for (const branch of step.branches) {
      out.comments(depth + 1, branch.comments);
      const rule = branch.percent !== undefined ? `${branch.percent}%` : `when ${conditionText(branch.condition)}`;
      out.add(depth + 1, `branch ${quote(branch.name)} ${rule} {`);
      printBlockBody(out, depth + 2, branch.steps, branch.endComments);
      out.add(depth + 1, '}');
    }
    if (step.random?.holdout !== undefined) out.add(depth + 1, `holdout ${step.random.holdout}%`);
    const winner = step.random?.pickWinner;
    if (winner) out.add(depth + 1, `pick winner after ${winner.after} per branch at ${winner.confidence}%`);
    const { others } = step;
    if (others) {
      out.comments(depth + 1, others.comments);
      if (others.kind === 'continue') out.add(depth + 1, 'others continue');
      else if (others.kind === 'leave') printLeaveBlock(out, depth + 1, 'others leave', others);
      else {
        out.add(depth + 1, 'others {');
        printBlockBody(out, depth + 2, others.steps, others.endComments);
        out.add(depth + 1, '}');
      }
    }
    out.comments(depth + 1, step.endComments);
    out.add(depth, '}');
  },
  leave: (out, depth, head, step) => printLeaveBlock(out, depth, `${head}leave`, step),
  complete: (out, depth, head, step) => {
    if (step.actions.length === 0 && !step.endComments?.length) {
      out.add(depth, `${head}complete`);
      return;
    }
    out.add(depth, `${head}complete {`);
    for (const action of step.actions) {
      out.comments(depth + 1, action.comments);
      out.add(depth + 1, `on ${action.outcome} move to flow ${quote(action.flow)}`);
    }
    out.comments(depth + 1, step.endComments);
    out.add(depth, '}');
  },
};

function operationText(operation: UpdateOperation): string {
  switch (operation.kind) {
    case 'set': return `set ${operation.field} = ${valueText(operation.value)}`;
    case 'clear': return `clear ${operation.field}`;
    case 'add': return `add ${operation.field} ${valueText(operation.value)}`;
    case 'remove': return `remove ${operation.field} ${valueText(operation.value)}`;
    case 'increase': return `increase ${operation.field} by ${numberText(operation.by)}`;
  }
}

function printBlockBody(out: Lines, depth: number, steps: readonly Step[], endComments: readonly string[] | undefined): void {
  printSteps(out, depth, steps);
  out.comments(depth, endComments);
}

export function printSteps(out: Lines, depth: number, steps: readonly Step[]): void {
  for (const step of steps) {
    out.comments(depth, step.comments);
    const head = step.id ? `${step.id}: ` : '';
    (printers[step.kind] as StepPrinter<StepKind>)(out, depth, head, step as never);
  }
}

import { newStep, type Step, type StepKind } from '@stroom/dsl';

/** One box of the step menu: a step kind, and for "remove from selection/project" the variant. */
export interface PaletteItem {
  key: string;
  kind: StepKind;
  icon: string;
}

export interface PaletteGroup {
  key: 'send' | 'update' | 'create' | 'internal';
  items: PaletteItem[];
}

/** The step menu grouped as marketers know it: send a message, update the participant, create an activity, internal actions. */
export const PALETTE: PaletteGroup[] = [
  { key: 'send', items: [{ key: 'send_email', kind: 'send_email', icon: '✉' }, { key: 'send_sms', kind: 'send_sms', icon: '✆' }] },
  {
    key: 'update',
    items: [
      { key: 'update_person', kind: 'update_person', icon: '✎' },
      { key: 'membership_add', kind: 'membership', icon: '+' },
      { key: 'membership_remove', kind: 'membership', icon: '-' },
    ],
  },
  {
    key: 'create',
    items: [
      { key: 'create_follow_up', kind: 'create_follow_up', icon: '☏' },
      { key: 'create_request', kind: 'create_request', icon: '?' },
      { key: 'create_sale', kind: 'create_sale', icon: '€' },
      { key: 'distribute', kind: 'distribute', icon: '⇉' },
    ],
  },
  {
    key: 'internal',
    items: [
      { key: 'run_script', kind: 'run_script', icon: '⚙' },
      { key: 'notify_email', kind: 'notify_email', icon: '✉' },
      { key: 'notify_sms', kind: 'notify_sms', icon: '✆' },
      { key: 'call_webhook', kind: 'call_webhook', icon: '⇄' },
      { key: 'wait', kind: 'wait', icon: '⇣' },
      { key: 'wait_until', kind: 'wait_until', icon: '⇲' },
      { key: 'wait_for', kind: 'wait_for', icon: '⇆' },
      { key: 'split', kind: 'split', icon: '⇶' },
      { key: 'leave', kind: 'leave', icon: '⇥' },
      { key: 'complete', kind: 'complete', icon: '✔' },
    ],
  },
];

const ITEMS = new Map(PALETTE.flatMap((g) => g.items).map((item) => [item.key, item]));

export function paletteItem(key: string): PaletteItem | undefined {
  return ITEMS.get(key);
}

/** A new step for a menu box, with its starting settings. */
export function stepFor(item: PaletteItem, id: string): Step {
  const step = newStep(item.kind, id);
  if (step.kind === 'membership' && item.key === 'membership_remove') step.change = 'remove';
  return step;
}

/** The menu box a placed step belongs to: its title and icon. */
export function itemOf(step: Step): PaletteItem {
  const key = step.kind === 'membership' ? `membership_${step.change}` : step.kind;
  return ITEMS.get(key)!;
}

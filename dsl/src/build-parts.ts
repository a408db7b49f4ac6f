// What the small rules return before their parent knows what they mean: a number, duration or
// party is checked where it is used (what a party may be depends on the step), and only if used.
import type { IToken } from 'chevrotain';
import {
  ENTITIES, type ChangeValues, type Duration, type Entity, type LeaveAction, type LeaveOptions, type Loc, type Party, type Role,
  type TimeUnit,
} from './ast.js';
import { isReal, type BuildContext } from './build-context.js';

export interface NumberParts {
  digits?: IToken;
  negative: boolean;
}

export interface DurationParts {
  amount?: IToken;
  unit?: TimeUnit;
}

export interface PartyParts {
  role?: Role;
  address?: string;
  loc?: Loc;
}

export interface PathParts {
  names: IToken[];
  loc?: Loc;
}

export interface LeaveBlock {
  actions: LeaveAction[];
  open: IToken;
  close: IToken;
}

export function numberOf(ctx: BuildContext, parts: NumberParts | undefined): number {
  const digits = parts?.digits;
  if (!isReal(digits)) return 0;
  const magnitude = Number(digits.image);
  if (!Number.isFinite(magnitude)) {
    ctx.error(ctx.token(digits), 'number-too-large', { number: digits.image.slice(0, 20) });
    return 0;
  }
  return parts!.negative ? -magnitude : magnitude;
}

/** A whole, non-negative number, e.g. a count of days; `what` names it in the diagnostic. */
export function wholeNumber(ctx: BuildContext, token: IToken | undefined, what: string): number {
  if (!isReal(token)) return 0;
  const value = Number(token.image);
  if (!Number.isSafeInteger(value)) ctx.error(ctx.token(token), 'not-whole-number', { what, found: token.image });
  return value;
}

export function durationOf(ctx: BuildContext, parts: DurationParts | undefined): Duration {
  const unit = parts?.unit ?? 'days';
  return { amount: wholeNumber(ctx, parts?.amount, unit), unit };
}

export function pathOf(parts: PathParts | undefined): string {
  let path = '';
  const names = parts?.names ?? [];
  for (let i = 0; i < names.length; i++) path = i === 0 ? names[0]!.image : `${path}.${names[i]!.image}`;
  return path;
}

/** A party, checked against the roles allowed where it stands (`where` starts the diagnostic). */
export function partyOf(ctx: BuildContext, parts: PartyParts | undefined, allowed: readonly Role[], where: string, addressWord: string): Party {
  if (parts?.address !== undefined) return { kind: 'address', address: parts.address };
  const role = parts?.role;
  if (!role) return { kind: 'role', role: allowed[0] ?? 'person' };
  if (!allowed.includes(role)) {
    ctx.error(parts.loc, 'role-not-allowed', { where, allowed: [...allowed], address: addressWord, role });
  }
  return { kind: 'role', role };
}

/** Adds `from` and `to` (those given) to `target`, in that order. */
export function withChange<T extends ChangeValues>(target: T, change: ChangeValues | undefined): T {
  if (change?.from !== undefined) target.from = change.from;
  if (change?.to !== undefined) target.to = change.to;
  return target;
}

/** Gives `node` the actions of a leave block (`{ move to flow … }`); the block may be absent. */
export function withLeaveActions<T extends object>(ctx: BuildContext, block: LeaveBlock | undefined, node: T): T & LeaveOptions {
  const target = node as T & LeaveOptions;
  target.actions = block ? block.actions : [];
  if (block) ctx.scope(block.open, block.close, target, target.actions);
  return target;
}

export function entityOf(ctx: BuildContext, name: string, loc: Loc | undefined): Entity {
  if ((ENTITIES as readonly string[]).includes(name)) return name as Entity;
  if (name) ctx.error(loc, 'unknown-record-type', { name, expected: ENTITIES.join(', ') });
  return 'person';
}

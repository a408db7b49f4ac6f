// The grammar, part 3: `send email …` / `send sms …` (workflow actions and flow steps share them)
// and leave blocks (`{ move to flow … }`).
import type { IOrAlt, IToken } from 'chevrotain';
import type { LeaveAction, Loc } from './ast.js';
import { text, withPart, type BuildContext } from './build-context.js';
import type { LeaveBlock, PartyParts } from './build-parts.js';
import type { conditionGrammar } from './grammar-conditions.js';
import { K, LCurly, RCurly, StringLiteral } from './tokens.js';

export interface NoMobile {
  skip: boolean;
  leave?: LeaveBlock;
  loc?: Loc;
}

export interface SendParts {
  channel: 'email' | 'sms';
  /** The e-mail template, or the SMS template (`send sms template "…"`). */
  template?: string;
  smsText?: string;
  keyLoc?: Loc;
  subjects: IToken[];
  attachments: IToken[];
  /** An SMS's own sender (`from "…"`). */
  senders: IToken[];
  recipients: PartyParts[];
  /** The `if no mobile …` options. */
  noMobile: NoMobile[];
  /** `transactional`: exempt from the contact policy. */
  transactional: IToken[];
}

type SendOption =
  | { kind: 'subject' | 'attach' | 'from'; token: IToken }
  | { kind: 'to'; party: PartyParts }
  | { kind: 'noMobile'; noMobile: NoMobile }
  | { kind: 'transactional'; token: IToken };

function sendParts(ctx: BuildContext | undefined, channel: SendParts['channel'], key: IToken | undefined, isTemplate: boolean): SendParts {
  const parts: SendParts = { channel, keyLoc: ctx?.token(key), subjects: [], attachments: [], senders: [], recipients: [], noMobile: [], transactional: [] };
  if (isTemplate) parts.template = text(key);
  else parts.smsText = text(key);
  return parts;
}

function addOption(parts: SendParts, option: SendOption | undefined): void {
  if (option === undefined) return;
  if (option.kind === 'subject') parts.subjects.push(option.token);
  else if (option.kind === 'attach') parts.attachments.push(option.token);
  else if (option.kind === 'from') parts.senders.push(option.token);
  else if (option.kind === 'to') parts.recipients.push(option.party);
  else if (option.kind === 'noMobile') parts.noMobile.push(option.noMobile);
  else if (option.kind === 'transactional') parts.transactional.push(option.token);
}

/** What a `send` the parser could not read stands for: an e-mail without a template. */
export function emptySendParts(): SendParts {
  return sendParts(undefined, 'email', undefined, true);
}

/** The items the parser read, without those it had to give up on. */
export function defined<T>(items: (T | undefined)[]): T[] {
  return items.includes(undefined) ? items.filter((item) => item !== undefined) : (items as T[]);
}

export function sendGrammar(Base: ReturnType<typeof conditionGrammar>) {
  return class SendGrammar extends Base {
    leaveBlock = this.RULE('leaveBlock', (): LeaveBlock => {
      const open = this.CONSUME(LCurly);
      const actions: (LeaveAction | undefined)[] = [];
      this.MANY(() => actions.push(this.SUBRULE(this.leaveItem)));
      const close = this.CONSUME(RCurly);
      return this.ACTION(() => ({ actions: defined(actions), open, close }));
    });

    leaveItem = this.RULE('leaveItem', (): LeaveAction => this.OR<IOrAlt<LeaveAction>[]>(this.alts.leaveItem ??= [
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.move);
          this.CONSUME(K.to);
          this.CONSUME(K.flow);
          const name = this.CONSUME(StringLiteral);
          return this.ACTION(() => withPart({ kind: 'move_to_flow', flow: text(name), loc: this.locFrom(first) }, 'flow', this.ctx.token(name)));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.add);
          this.CONSUME2(K.to);
          this.CONSUME(K.selection);
          const name = this.CONSUME2(StringLiteral);
          return this.ACTION(() => withPart({ kind: 'add_to_selection', selection: text(name), loc: this.locFrom(first) }, 'selection', this.ctx.token(name)));
        },
      },
    ]));

    sendAction = this.RULE('sendAction', (): SendParts => {
      this.CONSUME(K.send);
      return this.OR<IOrAlt<SendParts>[]>(this.alts.sendAction ??= [
        {
          ALT: () => {
            let parts: SendParts | undefined;
            try {
              this.CONSUME(K.email);
              const key = this.CONSUME(StringLiteral);
              parts = this.ACTION(() => sendParts(this.ctx, 'email', key, true));
              this.MANY(() => { const option = this.SUBRULE(this.emailOption); this.ACTION(() => addOption(parts!, option)); });
            } catch (error) {
              this.salvage('sendAction', error, () => parts ?? emptySendParts());
            }
            return parts!;
          },
        },
        {
          ALT: () => {
            let parts: SendParts | undefined;
            try {
              this.CONSUME(K.sms);
              parts = this.OR2<IOrAlt<SendParts>[]>(this.alts.sendAction2 ??= [
                {
                  ALT: () => {
                    this.CONSUME(K.template);
                    const key = this.CONSUME2(StringLiteral);
                    return this.ACTION(() => sendParts(this.ctx, 'sms', key, true));
                  },
                },
                { ALT: () => { const key = this.CONSUME3(StringLiteral); return this.ACTION(() => sendParts(this.ctx, 'sms', key, false)); } },
              ]);
              this.MANY2(() => { const option = this.SUBRULE(this.smsOption); this.ACTION(() => addOption(parts!, option)); });
            } catch (error) {
              this.salvage('sendAction', error, () => parts ?? sendParts(undefined, 'sms', undefined, false));
            }
            return parts!;
          },
        },
      ]);
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'sendAction') ?? emptySendParts() });

    emailOption = this.RULE('emailOption', (): SendOption => this.OR<IOrAlt<SendOption>[]>(this.alts.emailOption ??= [
      { ALT: () => { this.CONSUME(K.subject); const token = this.CONSUME(StringLiteral); return this.ACTION(() => ({ kind: 'subject', token })); } },
      { ALT: () => { this.CONSUME(K.attach); const token = this.CONSUME2(StringLiteral); return this.ACTION(() => ({ kind: 'attach', token })); } },
      { ALT: () => { this.CONSUME(K.to); const party = this.SUBRULE(this.party); return this.ACTION(() => ({ kind: 'to', party })); } },
      { ALT: () => ({ kind: 'transactional', token: this.CONSUME(K.transactional) }) },
    ]));

    smsOption = this.RULE('smsOption', (): SendOption => this.OR<IOrAlt<SendOption>[]>(this.alts.smsOption ??= [
      { ALT: () => { this.CONSUME(K.to); const party = this.SUBRULE(this.party); return this.ACTION(() => ({ kind: 'to', party })); } },
      { ALT: () => ({ kind: 'transactional', token: this.CONSUME2(K.transactional) }) },
      { ALT: () => { this.CONSUME(K.from); const token = this.CONSUME(StringLiteral); return this.ACTION(() => ({ kind: 'from', token })); } },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.if);
          this.CONSUME(K.no);
          this.CONSUME(K.mobile);
          const leave = this.OR2<IOrAlt<LeaveBlock | undefined | null>[]>(this.alts.smsOption2 ??= [
            { ALT: () => { this.CONSUME(K.skip); return null; } },
            { ALT: () => { this.CONSUME(K.leave); return this.OPTION(() => this.SUBRULE(this.leaveBlock)); } },
          ]);
          return this.ACTION(() => ({
            kind: 'noMobile', noMobile: { skip: leave === null, leave: leave ?? undefined, loc: this.locFrom(first) },
          }));
        },
      },
    ]));
  };
}

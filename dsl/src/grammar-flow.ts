// The grammar, part 7: flows and their settings. Steps are in grammar-steps.ts.
import type { IOrAlt, IToken, TokenType } from 'chevrotain';
import {
  FLOW_SETTING_ORDER, WEEKDAYS, type Flow, type FlowSetting, type FlowSettingKind, type FlowTrigger, type Loc,
  type SendWindowDays, type Step, type SuccessCriterion, type Weekday,
} from './ast.js';
import { isReal, text, withPart, type BuildContext } from './build-context.js';
import { entityOf, pathOf, withChange } from './build-parts.js';
import type { flowRulesGrammar } from './grammar-flow-rules.js';
import { Identifier, K, LCurly, Minus, Name, RCurly, StringLiteral, Time } from './tokens.js';

/** Settings a flow has at most once. */
const SINGLE_SETTINGS = new Set<FlowSettingKind>([
  'sender', 'reply_to', 'sms_sender', 'send_window', 'timezone', 'filter', 'exit', 'once_per_person', 'restart', 'success',
]);
const SETTING_KINDS: ReadonlySet<string> = new Set(FLOW_SETTING_ORDER);
const CREATED_RECORDS = ['sale', 'follow_up', 'request'] as const;

export function flowGrammar(Base: ReturnType<typeof flowRulesGrammar>) {
  return class FlowGrammar extends Base {
    /** `keyword "text"` as a setting. */
    private stringSetting(idx: number, keyword: TokenType, build: (value: string, loc: Loc | undefined) => FlowSetting): IOrAlt<FlowSetting> {
      return {
        ALT: () => {
          this.consume(idx, keyword);
          const token = this.consume(idx, StringLiteral);
          return this.ACTION(() => build(text(token), this.ctx.token(token)));
        },
      };
    }

    flowDeclaration = this.RULE('flowDeclaration', (): Flow | undefined => {
      const first = this.LA(1);
      let name: IToken | undefined;
      let open: IToken | undefined;
      let close: IToken | undefined;
      const items: (FlowSetting | Step | undefined)[] = [];
      const build = () => flowOf(this.ctx, name, items, open, close, this.locFrom(first));
      try {
        this.CONSUME(K.flow);
        name = this.CONSUME(StringLiteral);
        open = this.CONSUME(LCurly);
        this.MANY(() => items.push(this.OR<IOrAlt<FlowSetting | Step | undefined>[]>(this.alts.flowDeclaration ??= [
          { ALT: () => this.SUBRULE(this.flowSetting) },
          { ALT: () => this.SUBRULE(this.step) },
        ])));
        close = this.CONSUME(RCurly);
      } catch (error) {
        items.push(this.salvaged(error, 'flowSetting'));
        this.salvage('flowDeclaration', error, build);
      }
      return this.ACTION(build);
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'flowDeclaration') });

    flowSetting = this.RULE('flowSetting', (): FlowSetting | undefined => {
      const first = this.LA(1);
      let setting: FlowSetting | undefined;
      try {
        setting = this.OR<IOrAlt<FlowSetting | undefined>[]>(this.alts.flowSetting ??= [
          this.stringSetting(1, K.sender, (address, loc) => withPart({ kind: 'sender', address }, 'address', loc)),
          this.stringSetting(2, K.reply_to, (address, loc) => withPart({ kind: 'reply_to', address }, 'address', loc)),
          this.stringSetting(3, K.sms_sender, (name, loc) => withPart({ kind: 'sms_sender', name }, 'name', loc)),
          this.stringSetting(4, K.timezone, (zone, loc) => withPart({ kind: 'timezone', zone }, 'zone', loc)),
          { ALT: () => this.SUBRULE(this.sendWindow) },
          { ALT: () => { this.CONSUME(K.trigger); const trigger = this.SUBRULE(this.flowTrigger); return this.ACTION(() => ({ kind: 'trigger', trigger })); } },
          { ALT: () => { this.CONSUME(K.filter); const condition = this.SUBRULE(this.condition); return this.ACTION(() => ({ kind: 'filter', condition })); } },
          {
            ALT: () => {
              this.CONSUME(K.exclude);
              this.CONSUME(K.selection);
              const token = this.CONSUME5(StringLiteral);
              return this.ACTION(() => withPart({ kind: 'exclude', selection: text(token) }, 'selection', this.ctx.token(token)));
            },
          },
          { ALT: () => { this.CONSUME(K.once); this.CONSUME(K.per); this.CONSUME(K.person); return this.ACTION(() => ({ kind: 'once_per_person' })); } },
          { ALT: () => this.SUBRULE(this.whenLimitedSetting) },
          { ALT: () => this.SUBRULE(this.successRule) },
          { ALT: () => this.SUBRULE(this.exitSetting) },
          { ALT: () => this.SUBRULE(this.restartSetting) },
        ]);
      } catch (error) {
        const unfinished = this.salvaged<FlowSetting>(error, 'sendWindow') ?? unfinishedSetting(first);
        this.salvage('flowSetting', error, () => Object.assign(unfinished, { loc: this.locFrom(first) }));
      }
      return this.ACTION(() => {
        if (setting) setting.loc = this.locFrom(first);
        return setting;
      });
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'flowSetting') });

    sendWindow = this.RULE('sendWindow', (): FlowSetting | undefined => {
      const first = this.LA(1);
      let days: { from: IToken; to?: IToken } | null | undefined;
      let start: IToken | undefined;
      let end: IToken | undefined;
      const build = () => sendWindowOf(this.ctx, days, start, end, this.locFrom(first));
      try {
        this.CONSUME(K.send_window);
        // null: workdays
        days = this.OR<IOrAlt<{ from: IToken; to?: IToken } | null>[]>(this.alts.sendWindow ??= [
          { ALT: () => { this.CONSUME(K.workdays); return null; } },
          {
            ALT: () => {
              const from = this.CONSUME(Identifier);
              const to = this.OPTION(() => { this.CONSUME(Minus); return this.CONSUME2(Identifier); });
              return this.ACTION(() => ({ from, to }));
            },
          },
        ]);
        start = this.CONSUME(Time);
        this.CONSUME2(Minus);
        end = this.CONSUME2(Time);
      } catch (error) {
        this.salvage('sendWindow', error, build);
      }
      return this.ACTION(build);
    }, { recoveryValueFunc: (error) => this.salvaged(error, 'sendWindow') });

    flowTrigger = this.RULE('flowTrigger', (): FlowTrigger => this.OR<IOrAlt<FlowTrigger>[]>(this.alts.flowTrigger ??= [
      { ALT: () => { this.CONSUME(K.manual); return this.ACTION(() => ({ kind: 'manual' })); } },
      {
        ALT: () => {
          this.CONSUME(K.form);
          const form = this.CONSUME(StringLiteral);
          this.CONSUME(K.submitted);
          return this.ACTION(() => ({ kind: 'form_submitted', form: text(form) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.selection);
          const selection = this.CONSUME2(StringLiteral);
          this.CONSUME(K.added);
          return this.ACTION(() => ({ kind: 'selection_added', selection: text(selection) }));
        },
      },
      { ALT: () => { this.CONSUME(K.link); this.CONSUME(K.clicked); return this.ACTION(() => ({ kind: 'link_clicked' })); } },
      { ALT: () => { this.CONSUME(K.when); const condition = this.SUBRULE(this.condition); return this.ACTION(() => ({ kind: 'condition', condition })); } },
      { ALT: () => this.SUBRULE(this.dateTrigger) },
    ]), { recoveryValueFunc: (): FlowTrigger => ({ kind: 'manual' }) });

    successRule = this.RULE('successRule', (): FlowSetting => {
      this.CONSUME(K.success);
      this.CONSUME(K.when);
      const criteria = [this.SUBRULE(this.successCriterion)];
      this.MANY(() => { this.CONSUME(K.or); criteria.push(this.SUBRULE2(this.successCriterion)); });
      const then = this.OPTION(() => {
        this.CONSUME(K.then);
        return this.OR<IOrAlt<'stop' | 'continue'>[]>(this.alts.successRule ??= [
          { ALT: () => { this.CONSUME(K.stop); return 'stop'; } },
          { ALT: () => { this.CONSUME(K.continue); return 'continue'; } },
        ]);
      });
      return this.ACTION(() => ({ kind: 'success', criteria: criteria.filter((criterion) => criterion !== undefined), ...(then ? { then } : {}) }));
    }, { recoveryValueFunc: (): FlowSetting => ({ kind: 'success', criteria: [] }) });

    // Each alternative notes its first token itself: the alternatives are shared by every call.
    successCriterion = this.RULE('successCriterion', (): SuccessCriterion => this.OR<IOrAlt<SuccessCriterion>[]>(this.alts.successCriterion ??= [
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.form);
          const form = this.CONSUME(StringLiteral);
          this.CONSUME(K.submitted);
          return this.ACTION(() => ({ kind: 'form_submitted', form: text(form), loc: this.locFrom(first) }));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.link);
          this.CONSUME(K.clicked);
          return this.ACTION(() => ({ kind: 'link_clicked', loc: this.locFrom(first) }));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          this.CONSUME(K.added);
          this.CONSUME(K.to);
          const target = this.OR2<IOrAlt<'selection' | 'project'>[]>(this.alts.successCriterion2 ??= [
            { ALT: () => { this.CONSUME(K.selection); return 'selection'; } },
            { ALT: () => { this.CONSUME(K.project); return 'project'; } },
          ]);
          const name = this.CONSUME2(StringLiteral);
          return this.ACTION(() => ({ kind: 'added_to', target, name: text(name), loc: this.locFrom(first) }));
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          const entity = this.CONSUME(Name);
          this.CONSUME(K.created);
          return this.ACTION(() => {
            const loc = this.locFrom(first);
            const created = CREATED_RECORDS.find((record) => record === entity.image);
            if (!created) this.ctx.error(loc, 'success-created');
            return { kind: 'record_created', entity: created ?? 'sale', loc };
          });
        },
      },
      {
        ALT: () => {
          const first = this.LA(1);
          const path = this.SUBRULE(this.fieldPath);
          const change = this.SUBRULE(this.changeValues);
          return this.ACTION(() => {
            const full = pathOf(path);
            const dot = full.indexOf('.');
            const entity = entityOf(this.ctx, dot < 0 ? full : full.slice(0, dot), path.loc);
            const criterion: SuccessCriterion = { kind: 'field_changed', entity, field: dot < 0 ? '' : full.slice(dot + 1) };
            withChange(criterion, change);
            criterion.loc = this.locFrom(first);
            return criterion;
          });
        },
      },
    ]));
  };
}

/** What an unfinished setting the parser gave up on stands for, by its first word. */
function unfinishedSetting(first: IToken): FlowSetting {
  switch (first.tokenType) {
    case K.sender: return { kind: 'sender', address: '' };
    case K.reply_to: return { kind: 'reply_to', address: '' };
    case K.sms_sender: return { kind: 'sms_sender', name: '' };
    case K.timezone: return { kind: 'timezone', zone: '' };
    case K.send_window: return { kind: 'send_window', days: { kind: 'days', from: 'mon', to: 'mon' }, start: '00:00', end: '00:00' };
    case K.trigger: return { kind: 'trigger', trigger: { kind: 'manual' } };
    case K.filter: return { kind: 'filter', condition: { kind: 'or', operands: [] } };
    case K.exclude: return { kind: 'exclude', selection: '' };
    case K.once: return { kind: 'once_per_person' };
    case K.when: return { kind: 'when_limited', action: 'defer' };
    case K.exit: return { kind: 'exit', condition: { kind: 'or', operands: [] }, actions: [] };
    case K.may: case K.restart: return { kind: 'restart', afterDays: 0 };
    default: return { kind: 'success', criteria: [] };
  }
}

function flowOf(
  ctx: BuildContext, nameToken: IToken | undefined, items: readonly (FlowSetting | Step | undefined)[], open: IToken | undefined,
  close: IToken | undefined, loc: Loc | undefined,
): Flow {
  const flow: Flow = { kind: 'flow', name: text(nameToken), settings: [], steps: [], loc };
  withPart(flow, 'name', ctx.token(nameToken));
  const seen = new Set<FlowSettingKind>();
  for (const item of items) {
    if (item === undefined) continue;
    if (!SETTING_KINDS.has(item.kind)) {
      flow.steps.push(item as Step);
      continue;
    }
    const setting = item as FlowSetting;
    if (SINGLE_SETTINGS.has(setting.kind) && seen.has(setting.kind)) {
      ctx.error(setting.loc, 'duplicate-flow-setting', { setting: setting.kind.replaceAll('_', ' ') });
      continue;
    }
    seen.add(setting.kind);
    flow.settings.push(setting);
  }
  // Canonical order, so that parse(print(ast)) gives the same list whatever order the source used.
  flow.settings.sort((a, b) => FLOW_SETTING_ORDER.indexOf(a.kind) - FLOW_SETTING_ORDER.indexOf(b.kind));
  ctx.scope(open, close, flow, [...flow.settings, ...flow.steps]);
  return flow;
}

function weekdayOf(ctx: BuildContext, token: IToken | undefined): Weekday {
  const found = isReal(token) ? token.image : '';
  if ((WEEKDAYS as readonly string[]).includes(found)) return found as Weekday;
  if (found) ctx.error(ctx.token(token), 'unknown-day', { days: WEEKDAYS.join(', '), found });
  return 'mon';
}

/** `8:00` → `08:00`; hours 0–24, minutes 0–59. */
function timeOf(ctx: BuildContext, token: IToken | undefined): string {
  if (!isReal(token)) return '00:00';
  const [hours = '0', minutes = '0'] = token.image.split(':');
  const time = `${hours.padStart(2, '0')}:${minutes}`;
  if (Number(hours) > 24 || Number(minutes) > 59 || (Number(hours) === 24 && Number(minutes) > 0)) {
    ctx.error(ctx.token(token), 'bad-time', { time: token.image });
  }
  return time;
}

function sendWindowOf(
  ctx: BuildContext, range: { from: IToken; to?: IToken } | null | undefined, startToken: IToken | undefined, endToken: IToken | undefined,
  loc: Loc | undefined,
): FlowSetting {
  const days: SendWindowDays = range === null
    ? { kind: 'workdays' }
    : { kind: 'days', from: weekdayOf(ctx, range?.from), to: range?.to ? weekdayOf(ctx, range.to) : weekdayOf(ctx, range?.from) };
  const start = timeOf(ctx, startToken);
  const end = timeOf(ctx, endToken);
  if (isReal(startToken) && isReal(endToken) && end <= start) ctx.error(loc, 'send-window-order');
  return { kind: 'send_window', days, start, end };
}

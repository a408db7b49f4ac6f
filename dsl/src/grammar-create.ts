// The grammar, part 4: `create follow_up|request|sale`, settings in any order, checked per record kind.
import type { IOrAlt, IToken, TokenType } from 'chevrotain';
import type {
  CreateFollowUpStep, CreateRequestStep, CreateSaleStep, FollowUpDate, Loc, Role, SaleDate,
} from './ast.js';
import { text, withPart, type BuildContext } from './build-context.js';
import {
  durationOf, numberOf, partyOf, type DurationParts, type NumberParts, type PartyParts,
} from './build-parts.js';
import type { sendGrammar } from './grammar-send.js';
import { K, StringLiteral } from './tokens.js';

type RecordKind = 'follow_up' | 'request' | 'sale';

type SettingKeyword =
  | 'date' | 'type' | 'project' | 'agenda' | 'status' | 'category' | 'priority' | 'message' | 'description' | 'at'
  | 'after' | 'on' | 'assign' | 'owner' | 'stage' | 'amount';

interface CreateSetting {
  keyword: SettingKeyword;
  loc?: Loc;
  token?: IToken;
  duration?: DurationParts;
  party?: PartyParts;
  stage?: 'open' | 'sold' | 'lost';
  amount?: NumberParts;
  byType?: boolean;
}

export function createGrammar(Base: ReturnType<typeof sendGrammar>) {
  return class CreateGrammar extends Base {
    private settingString(idx: number, keyword: TokenType): IOrAlt<CreateSetting> {
      return {
        ALT: () => {
          this.consume(idx, keyword);
          const token = this.consume(idx, StringLiteral);
          return this.ACTION(() => ({ keyword: keyword.name as SettingKeyword, token }));
        },
      };
    }

    createStep = this.RULE('createStep', (): CreateFollowUpStep | CreateRequestStep | CreateSaleStep => {
      const first = this.LA(1);
      this.CONSUME(K.create);
      const record = this.OR(this.alts.createStep ??= this.tokenAlternatives([K.follow_up, K.request, K.sale]));
      const title = this.CONSUME(StringLiteral);
      const settings: (CreateSetting | undefined)[] = [];
      this.MANY(() => settings.push(this.SUBRULE(this.createSetting)));
      return this.ACTION(() => createStepOf(this.ctx, record.tokenType.name as RecordKind, title, settings, this.locFrom(first)));
    });

    // One rule for the settings of all three `create` steps; the builder says which belong where.
    createSetting = this.RULE('createSetting', (): CreateSetting => {
      const first = this.LA(1);
      const setting = this.OR<IOrAlt<CreateSetting>[]>(this.alts.createSetting ??= [
        this.settingString(1, K.type),
        this.settingString(2, K.project),
        this.settingString(3, K.agenda),
        this.settingString(4, K.status),
        this.settingString(5, K.category),
        this.settingString(6, K.priority),
        this.settingString(7, K.message),
        this.settingString(8, K.description),
        { ALT: () => { this.CONSUME(K.at); this.CONSUME(K.first_available); return this.ACTION(() => ({ keyword: 'at' })); } },
        { ALT: () => { this.CONSUME(K.after); const duration = this.SUBRULE(this.duration); return this.ACTION(() => ({ keyword: 'after', duration })); } },
        { ALT: () => { this.CONSUME(K.on); this.CONSUME(K.task_date); return this.ACTION(() => ({ keyword: 'on' })); } },
        { ALT: () => { this.CONSUME(K.assign); const party = this.SUBRULE(this.party); return this.ACTION(() => ({ keyword: 'assign', party })); } },
        { ALT: () => { this.CONSUME(K.owner); const party = this.SUBRULE2(this.party); return this.ACTION(() => ({ keyword: 'owner', party })); } },
        {
          ALT: () => {
            this.CONSUME(K.stage);
            const stage = this.OR2(this.alts.createSetting2 ??= this.tokenAlternatives([K.open, K.sold, K.lost]));
            return this.ACTION(() => ({ keyword: 'stage', stage: stage.tokenType.name as CreateSetting['stage'] }));
          },
        },
        { ALT: () => { this.CONSUME(K.amount); const amount = this.SUBRULE(this.numberValue); return this.ACTION(() => ({ keyword: 'amount', amount })); } },
        {
          ALT: () => {
            this.CONSUME(K.date);
            return this.OR3<IOrAlt<CreateSetting>[]>(this.alts.createSetting3 ??= [
              { ALT: () => { this.CONSUME(K.by_type); return this.ACTION(() => ({ keyword: 'date', byType: true })); } },
              {
                ALT: () => {
                  this.CONSUME2(K.after);
                  const duration = this.SUBRULE2(this.duration);
                  return this.ACTION(() => ({ keyword: 'date', duration }));
                },
              },
            ]);
          },
        },
      ]);
      return this.ACTION(() => {
        setting.loc = this.locFrom(first);
        return setting;
      });
    });
  };
}

const ALLOWED: { [R in RecordKind]: readonly SettingKeyword[] } = {
  follow_up: ['type', 'project', 'at', 'after', 'on', 'assign', 'agenda'],
  request: ['type', 'status', 'category', 'priority', 'owner', 'message'],
  sale: ['type', 'stage', 'amount', 'description', 'project', 'date', 'owner'],
};

/** Settings that say the same thing count as one for "given twice" (a follow-up has one date). */
const DATE_SETTINGS: ReadonlySet<SettingKeyword> = new Set(['at', 'after', 'on']);

type Settings = Partial<{ [K in SettingKeyword]: CreateSetting }>;

function settingsOf(ctx: BuildContext, record: RecordKind, all: readonly (CreateSetting | undefined)[]): Settings {
  const found: Settings = {};
  let dateGiven = false;
  for (const setting of all) {
    if (!setting) continue;
    const { keyword, loc } = setting;
    if (!ALLOWED[record].includes(keyword)) {
      ctx.error(loc, 'unknown-create-setting', { keyword, record });
      continue;
    }
    const isDate = DATE_SETTINGS.has(keyword);
    if (isDate ? dateGiven : found[keyword] !== undefined) {
      ctx.error(loc, 'given-twice', { what: isDate ? 'the date' : `'${keyword}'` });
      continue;
    }
    if (isDate) dateGiven = true;
    found[keyword] = setting;
  }
  return found;
}

const stringOf = (setting: CreateSetting | undefined) => text(setting?.token);
const EMPLOYEE = 'a quoted employee e-mail address';
const FOLLOW_UP_ASSIGNEES: Role[] = ['our_contact', 'service_contact'];
const REQUEST_OWNERS: Role[] = ['auto', 'unassigned'];
const SALE_OWNERS: Role[] = ['our_contact', 'service_contact'];

function createStepOf(
  ctx: BuildContext, record: RecordKind, titleToken: IToken, all: readonly (CreateSetting | undefined)[], loc: Loc | undefined,
): CreateFollowUpStep | CreateRequestStep | CreateSaleStep {
  const s = settingsOf(ctx, record, all);
  const required = (present: boolean, what: string) => {
    if (!present) ctx.missingPart(loc, 'missing-create-setting', { record, what });
  };
  required(s.type !== undefined, 'a type: type "<type>"');
  const party = (setting: CreateSetting | undefined, roles: Role[], where: string) => partyOf(ctx, setting?.party, roles, where, EMPLOYEE);
  const title = text(titleToken);
  const type = stringOf(s.type);
  // Optional settings are added after the required ones, in this order (the objects' key order).
  let step: CreateFollowUpStep | CreateRequestStep | CreateSaleStep;
  if (record === 'follow_up') {
    required(Boolean(s.at ?? s.after ?? s.on), 'a date: at first_available, after <n> days or on task_date');
    required(s.assign !== undefined, "'assign': our_contact, service_contact or an employee's e-mail");
    const date: FollowUpDate = s.after ? { kind: 'after', duration: durationOf(ctx, s.after.duration) }
      : s.on ? { kind: 'task_date' } : { kind: 'first_available' };
    const followUp: CreateFollowUpStep = {
      kind: 'create_follow_up', title, type, date, assign: party(s.assign, FOLLOW_UP_ASSIGNEES, "'assign'"),
    };
    if (s.project) followUp.project = stringOf(s.project);
    if (s.agenda) followUp.agenda = stringOf(s.agenda);
    step = followUp;
  } else if (record === 'request') {
    required(s.status !== undefined, 'a status: status "<status>"');
    required(s.owner !== undefined, "an owner: auto, unassigned or an employee's e-mail");
    const request: CreateRequestStep = {
      kind: 'create_request', title, type, status: stringOf(s.status),
      owner: party(s.owner, REQUEST_OWNERS, "a request's 'owner'"),
    };
    if (s.category) request.category = stringOf(s.category);
    if (s.priority) request.priority = stringOf(s.priority);
    if (s.message) request.message = stringOf(s.message);
    step = request;
  } else {
    required(s.stage !== undefined, 'a stage: stage open, sold or lost');
    const sale: CreateSaleStep = { kind: 'create_sale', title, type, stage: s.stage?.stage ?? 'open' };
    if (s.amount) sale.amount = numberOf(ctx, s.amount.amount);
    if (s.description) sale.description = stringOf(s.description);
    if (s.project) sale.project = stringOf(s.project);
    if (s.date) sale.date = saleDateOf(ctx, s.date);
    if (s.owner) sale.owner = party(s.owner, SALE_OWNERS, "a sale's 'owner'");
    step = sale;
  }
  withPart(step, 'title', ctx.token(titleToken));
  for (const name in s) withPart(step, name, s[name as SettingKeyword]!.loc);
  return step;
}

function saleDateOf(ctx: BuildContext, setting: CreateSetting): SaleDate {
  return setting.byType ? { kind: 'by_type' } : { kind: 'after', duration: durationOf(ctx, setting.duration) };
}

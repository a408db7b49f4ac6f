// The grammar: one Chevrotain CstParser, created once and reused. The CST stays inside the
// package; `ast-builder.ts` turns it into the typed AST.
import { CstParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import { errorMessages } from './error-messages.js';
import {
  allTokens, Colon, Comma, Dot, Equals, Greater, GreaterOrEqual, Identifier, K, LBracket,
  LCurly, Less, LessOrEqual, LParen, Minus, Name, NotEqual, NumberLiteral, RBracket, RCurly, RParen,
  StringLiteral, Time, TripleString,
} from './tokens.js';

class StroomParser extends CstParser {
  /**
   * Each OR's alternatives, built on its first call and reused: Chevrotain reads the array on every
   * call, and building it (an object and a closure per alternative) each time is a good part of
   * the parse's allocations. The closures only reach `this`, so one array serves every call.
   */
  private readonly alts: Record<string, IOrAlt<unknown>[]> = {};

  constructor() {
    // Offsets per node (a few per cent of the parse) spare the builder a walk over every node's tokens.
    super(allTokens, {
      recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages, nodeLocationTracking: 'onlyOffset',
    });
    this.performSelfAnalysis();
  }

  /** `keyword "text"` as one alternative; `idx` keeps Chevrotain's occurrence indices unique. */
  private keywordString(idx: number, keyword: TokenType): IOrAlt<void> {
    return { ALT: () => { this.consume(idx, keyword); this.consume(idx, StringLiteral); } };
  }

  private tokenAlternatives(tokens: TokenType[]): IOrAlt<IToken>[] {
    return tokens.map((token, i) => ({ ALT: () => this.consume(i + 10, token) }));
  }

  program = this.RULE('program', () => {
    this.MANY(() => this.OR(this.alts.program ??= [
        { ALT: () => this.SUBRULE(this.workflowDeclaration) },
        { ALT: () => this.SUBRULE(this.flowDeclaration) },
      ]));
  });

  // ---- values and conditions ----------------------------------------------------------------

  numberValue = this.RULE('numberValue', () => {
    this.OPTION(() => this.CONSUME(Minus));
    this.CONSUME(NumberLiteral);
  });

  value = this.RULE('value', () => {
    this.OR(this.alts.value ??= [
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.SUBRULE(this.numberValue) },
      { ALT: () => this.CONSUME(K.true) },
      { ALT: () => this.CONSUME(K.false) },
    ]);
  });

  /** `entity.field` (at least one dot in conditions; the builder checks the other uses). */
  path = this.RULE('path', () => {
    this.CONSUME(Name);
    this.MANY(() => { this.CONSUME(Dot); this.CONSUME2(Name); });
  });

  fieldPath = this.RULE('fieldPath', () => {
    this.CONSUME(Name);
    this.AT_LEAST_ONE(() => { this.CONSUME(Dot); this.CONSUME2(Name); });
  });

  changeValues = this.RULE('changeValues', () => {
    this.CONSUME(K.changed);
    this.OPTION(() => { this.CONSUME(K.from); this.SUBRULE(this.value); });
    this.OPTION2(() => { this.CONSUME(K.to); this.SUBRULE2(this.value); });
  });

  condition = this.RULE('condition', () => {
    this.SUBRULE(this.andCondition);
    this.MANY(() => { this.CONSUME(K.or); this.SUBRULE2(this.andCondition); });
  });

  andCondition = this.RULE('andCondition', () => {
    this.SUBRULE(this.notCondition);
    this.MANY(() => { this.CONSUME(K.and); this.SUBRULE2(this.notCondition); });
  });

  // `not` repeats in a loop rather than by recursion, so a long chain cannot overflow the stack.
  notCondition = this.RULE('notCondition', () => {
    // `not.x` would be a field of a record named `not`: only a `not` without a dot negates.
    this.MANY({ GATE: () => this.LA(2).tokenType !== Dot, DEF: () => this.CONSUME(K.not) });
    this.OR(this.alts.notCondition ??= [
      { ALT: () => { this.CONSUME(LParen); this.SUBRULE(this.condition); this.CONSUME(RParen); } },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.fieldPath);
    this.OR(this.alts.comparison ??= [
      {
        ALT: () => {
          this.OR2(this.alts.comparison2 ??= this.tokenAlternatives([Equals, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual]));
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.in);
          this.CONSUME(LBracket);
          this.OPTION(() => {
            this.SUBRULE2(this.value);
            this.MANY(() => { this.CONSUME(Comma); this.SUBRULE3(this.value); });
          });
          this.CONSUME(RBracket);
        },
      },
      { ALT: () => { this.CONSUME(K.contains); this.SUBRULE4(this.value); } },
      { ALT: () => { this.CONSUME(K.is); this.OPTION2(() => this.CONSUME(K.not)); this.CONSUME(K.empty); } },
      { ALT: () => this.SUBRULE(this.changeValues) },
    ]);
  });

  // ---- shared pieces -----------------------------------------------------------------------

  duration = this.RULE('duration', () => {
    this.CONSUME(NumberLiteral);
    this.OR(this.alts.duration ??= this.tokenAlternatives([K.minutes, K.hours, K.days, K.workdays, K.weeks]));
  });

  party = this.RULE('party', () => {
    this.OR(this.alts.party ??= [
      ...this.tokenAlternatives([
        K.person, K.contact, K.responsible, K.owner, K.our_contact, K.service_contact, K.auto, K.unassigned,
      ]),
      { ALT: () => this.CONSUME(StringLiteral) },
    ]);
  });

  leaveBlock = this.RULE('leaveBlock', () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.leaveItem));
    this.CONSUME(RCurly);
  });

  leaveItem = this.RULE('leaveItem', () => {
    this.OR(this.alts.leaveItem ??= [
        { ALT: () => { this.CONSUME(K.move); this.CONSUME(K.to); this.CONSUME(K.flow); this.CONSUME(StringLiteral); } },
        { ALT: () => { this.CONSUME(K.add); this.CONSUME2(K.to); this.CONSUME(K.selection); this.CONSUME2(StringLiteral); } },
      ]);
  });

  /** `send email …` / `send sms …`: shared by workflow actions and flow steps. */
  sendAction = this.RULE('sendAction', () => {
    this.CONSUME(K.send);
    this.OR(this.alts.sendAction ??= [
      {
        ALT: () => {
          this.CONSUME(K.email);
          this.CONSUME(StringLiteral);
          this.MANY(() => this.SUBRULE(this.emailOption));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.sms);
          this.OR2(this.alts.sendAction2 ??= [
            { ALT: () => { this.CONSUME(K.template); this.CONSUME2(StringLiteral); } },
            { ALT: () => this.CONSUME3(StringLiteral) },
          ]);
          this.MANY2(() => this.SUBRULE(this.smsOption));
        },
      },
    ]);
  });

  emailOption = this.RULE('emailOption', () => {
    this.OR(this.alts.emailOption ??= [
      this.keywordString(1, K.subject),
      this.keywordString(2, K.attach),
      { ALT: () => { this.CONSUME(K.to); this.SUBRULE(this.party); } },
    ]);
  });

  smsOption = this.RULE('smsOption', () => {
    this.OR(this.alts.smsOption ??= [
      { ALT: () => { this.CONSUME(K.to); this.SUBRULE(this.party); } },
      {
        ALT: () => {
          this.CONSUME(K.if);
          this.CONSUME(K.no);
          this.CONSUME(K.mobile);
          this.OR2(this.alts.smsOption2 ??= [
            { ALT: () => this.CONSUME(K.skip) },
            { ALT: () => { this.CONSUME(K.leave); this.OPTION(() => this.SUBRULE(this.leaveBlock)); } },
          ]);
        },
      },
    ]);
  });

  // ---- workflows ----------------------------------------------------------------------------

  workflowDeclaration = this.RULE('workflowDeclaration', () => {
    this.CONSUME(K.workflow);
    this.CONSUME(StringLiteral);
    this.OPTION(() => this.CONSUME(K.inactive));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.workflowItem));
    this.CONSUME(RCurly);
  });

  workflowItem = this.RULE('workflowItem', () => {
    this.OR(this.alts.workflowItem ??= [
        { ALT: () => this.SUBRULE(this.workflowTrigger) },
        { ALT: () => { this.CONSUME(K.when); this.SUBRULE(this.condition); } },
        { ALT: () => this.SUBRULE(this.workflowAction) },
        { ALT: () => this.SUBRULE(this.reminder) },
      ]);
  });

  workflowTrigger = this.RULE('workflowTrigger', () => {
    this.CONSUME(K.on);
    this.SUBRULE(this.path);
    this.OR(this.alts.workflowTrigger ??= [
      ...this.tokenAlternatives([K.created, K.updated, K.deleted, K.expired, K.completed]),
      { ALT: () => this.SUBRULE(this.changeValues) },
    ]);
  });

  workflowAction = this.RULE('workflowAction', () => {
    this.OPTION(() => { this.CONSUME(K.after); this.SUBRULE(this.duration); });
    this.SUBRULE(this.sendAction);
  });

  reminder = this.RULE('reminder', () => {
    this.CONSUME(K.remind);
    this.CONSUME(K.every);
    this.CONSUME(NumberLiteral);
    this.CONSUME(K.days);
    this.CONSUME(K.at);
    this.CONSUME(K.most);
    this.CONSUME2(NumberLiteral);
    this.CONSUME(K.times);
  });

  // ---- flows --------------------------------------------------------------------------------

  flowDeclaration = this.RULE('flowDeclaration', () => {
    this.CONSUME(K.flow);
    this.CONSUME(StringLiteral);
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts.flowDeclaration ??= [
        { ALT: () => this.SUBRULE(this.flowSetting) },
        { ALT: () => this.SUBRULE(this.step) },
      ]));
    this.CONSUME(RCurly);
  });

  flowSetting = this.RULE('flowSetting', () => {
    this.OR(this.alts.flowSetting ??= [
      this.keywordString(1, K.sender),
      this.keywordString(2, K.reply_to),
      this.keywordString(3, K.sms_sender),
      this.keywordString(4, K.timezone),
      { ALT: () => this.SUBRULE(this.sendWindow) },
      { ALT: () => { this.CONSUME(K.trigger); this.SUBRULE(this.flowTrigger); } },
      { ALT: () => { this.CONSUME(K.filter); this.SUBRULE(this.condition); } },
      { ALT: () => { this.CONSUME(K.exclude); this.CONSUME(K.selection); this.CONSUME5(StringLiteral); } },
      { ALT: () => { this.CONSUME(K.once); this.CONSUME(K.per); this.CONSUME(K.person); } },
      { ALT: () => this.SUBRULE(this.successRule) },
    ]);
  });

  sendWindow = this.RULE('sendWindow', () => {
    this.CONSUME(K.send_window);
    this.OR(this.alts.sendWindow ??= [
      { ALT: () => this.CONSUME(K.workdays) },
      {
        ALT: () => {
          this.CONSUME(Identifier);
          this.OPTION(() => { this.CONSUME(Minus); this.CONSUME2(Identifier); });
        },
      },
    ]);
    this.CONSUME(Time);
    this.CONSUME2(Minus);
    this.CONSUME2(Time);
  });

  flowTrigger = this.RULE('flowTrigger', () => {
    this.OR(this.alts.flowTrigger ??= [
      { ALT: () => this.CONSUME(K.manual) },
      { ALT: () => { this.CONSUME(K.form); this.CONSUME(StringLiteral); this.CONSUME(K.submitted); } },
      { ALT: () => { this.CONSUME(K.selection); this.CONSUME2(StringLiteral); this.CONSUME(K.added); } },
      { ALT: () => { this.CONSUME(K.link); this.CONSUME(K.clicked); } },
      { ALT: () => { this.CONSUME(K.when); this.SUBRULE(this.condition); } },
    ]);
  });

  successRule = this.RULE('successRule', () => {
    this.CONSUME(K.success);
    this.CONSUME(K.when);
    this.SUBRULE(this.successCriterion);
    this.MANY(() => { this.CONSUME(K.or); this.SUBRULE2(this.successCriterion); });
    this.OPTION(() => {
      this.CONSUME(K.then);
      this.OR(this.alts.successRule ??= [{ ALT: () => this.CONSUME(K.stop) }, { ALT: () => this.CONSUME(K.continue) }]);
    });
  });

  successCriterion = this.RULE('successCriterion', () => {
    this.OR(this.alts.successCriterion ??= [
      { ALT: () => { this.CONSUME(K.form); this.CONSUME(StringLiteral); this.CONSUME(K.submitted); } },
      { ALT: () => { this.CONSUME(K.link); this.CONSUME(K.clicked); } },
      {
        ALT: () => {
          this.CONSUME(K.added);
          this.CONSUME(K.to);
          this.OR2(this.alts.successCriterion2 ??= [{ ALT: () => this.CONSUME(K.selection) }, { ALT: () => this.CONSUME(K.project) }]);
          this.CONSUME2(StringLiteral);
        },
      },
      { ALT: () => { this.CONSUME(Name); this.CONSUME(K.created); } },
      { ALT: () => { this.SUBRULE(this.fieldPath); this.SUBRULE(this.changeValues); } },
    ]);
  });

  // ---- steps --------------------------------------------------------------------------------

  step = this.RULE('step', () => {
    // Only a name followed by ':' is a label; a misspelt keyword then reads as an unknown step.
    this.OPTION({ GATE: () => this.LA(2).tokenType === Colon, DEF: () => { this.CONSUME(Identifier); this.CONSUME(Colon); } });
    this.OR(this.alts.step ??= [
      { ALT: () => this.SUBRULE(this.sendAction) },
      { ALT: () => this.SUBRULE(this.updatePersonStep) },
      { ALT: () => this.SUBRULE(this.membershipStep) },
      { ALT: () => this.SUBRULE(this.createStep) },
      { ALT: () => this.SUBRULE(this.distributeStep) },
      { ALT: () => this.SUBRULE(this.runScriptStep) },
      { ALT: () => this.SUBRULE(this.notifyStep) },
      { ALT: () => this.SUBRULE(this.waitStep) },
      { ALT: () => this.SUBRULE(this.splitStep) },
      { ALT: () => this.SUBRULE(this.leaveStep) },
      { ALT: () => this.SUBRULE(this.completeStep) },
    ]);
  });

  stepBlock = this.RULE('stepBlock', () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.step));
    this.CONSUME(RCurly);
  });

  updatePersonStep = this.RULE('updatePersonStep', () => {
    this.CONSUME(K.update);
    this.CONSUME(K.person);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.updateOperation));
    this.CONSUME(RCurly);
  });

  updateOperation = this.RULE('updateOperation', () => {
    this.OR(this.alts.updateOperation ??= [
        { ALT: () => { this.CONSUME(K.set); this.SUBRULE(this.path); this.CONSUME(Equals); this.SUBRULE(this.value); } },
        { ALT: () => { this.CONSUME(K.clear); this.SUBRULE2(this.path); } },
        { ALT: () => { this.CONSUME(K.add); this.SUBRULE3(this.path); this.SUBRULE2(this.value); } },
        { ALT: () => { this.CONSUME(K.remove); this.SUBRULE4(this.path); this.SUBRULE3(this.value); } },
        {
          ALT: () => {
            this.CONSUME(K.increase);
            this.SUBRULE5(this.path);
            this.CONSUME(K.by);
            this.SUBRULE(this.numberValue);
          },
        },
      ]);
  });

  membershipStep = this.RULE('membershipStep', () => {
    this.OR(this.alts.membershipStep ??= [
      { ALT: () => { this.CONSUME(K.add); this.CONSUME(K.to); } },
      { ALT: () => { this.CONSUME(K.remove); this.CONSUME(K.from); } },
    ]);
    this.OR2(this.alts.membershipStep2 ??= [{ ALT: () => this.CONSUME(K.selection) }, { ALT: () => this.CONSUME(K.project) }]);
    this.CONSUME(StringLiteral);
  });

  createStep = this.RULE('createStep', () => {
    this.CONSUME(K.create);
    this.OR(this.alts.createStep ??= this.tokenAlternatives([K.follow_up, K.request, K.sale]));
    this.CONSUME(StringLiteral);
    this.MANY(() => this.SUBRULE(this.createSetting));
  });

  // One rule for the settings of all three `create` steps; the builder says which belong where.
  createSetting = this.RULE('createSetting', () => {
    this.OR(this.alts.createSetting ??= [
      this.keywordString(1, K.type),
      this.keywordString(2, K.project),
      this.keywordString(3, K.agenda),
      this.keywordString(4, K.status),
      this.keywordString(5, K.category),
      this.keywordString(6, K.priority),
      this.keywordString(7, K.message),
      this.keywordString(8, K.description),
      { ALT: () => { this.CONSUME(K.at); this.CONSUME(K.first_available); } },
      { ALT: () => { this.CONSUME(K.after); this.SUBRULE(this.duration); } },
      { ALT: () => { this.CONSUME(K.on); this.CONSUME(K.task_date); } },
      { ALT: () => { this.CONSUME(K.assign); this.SUBRULE(this.party); } },
      { ALT: () => { this.CONSUME(K.owner); this.SUBRULE2(this.party); } },
      { ALT: () => { this.CONSUME(K.stage); this.OR2(this.alts.createSetting2 ??= this.tokenAlternatives([K.open, K.sold, K.lost])); } },
      { ALT: () => { this.CONSUME(K.amount); this.SUBRULE(this.numberValue); } },
      {
        ALT: () => {
          this.CONSUME(K.date);
          this.OR3(this.alts.createSetting3 ??= [
            { ALT: () => this.CONSUME(K.by_type) },
            { ALT: () => { this.CONSUME2(K.after); this.SUBRULE2(this.duration); } },
          ]);
        },
      },
    ]);
  });

  distributeStep = this.RULE('distributeStep', () => {
    this.CONSUME(K.distribute);
    this.CONSUME(K.to);
    this.CONSUME(K.owner);
    this.MANY(() => this.OR(this.alts.distributeStep ??= [
      {
        ALT: () => {
          this.CONSUME(K.among);
          this.CONSUME(StringLiteral);
          this.MANY2(() => { this.CONSUME(Comma); this.CONSUME2(StringLiteral); });
        },
      },
      { ALT: () => { this.CONSUME(K.group); this.CONSUME3(StringLiteral); } },
      { ALT: () => { this.CONSUME(K.fallback); this.CONSUME4(StringLiteral); } },
    ]));
  });

  runScriptStep = this.RULE('runScriptStep', () => {
    this.CONSUME(K.run);
    this.CONSUME(K.script);
    this.OR(this.alts.runScriptStep ??= [{ ALT: () => this.CONSUME(TripleString) }, { ALT: () => this.CONSUME(StringLiteral) }]);
    this.MANY(() => this.OR2(this.alts.runScriptStep2 ??= [
      { ALT: () => { this.CONSUME(K.timeout); this.CONSUME(NumberLiteral); this.CONSUME(K.ms); } },
      { ALT: () => { this.CONSUME(K.memory); this.CONSUME2(NumberLiteral); this.CONSUME(K.MB); } },
    ]));
  });

  notifyStep = this.RULE('notifyStep', () => {
    this.CONSUME(K.notify);
    this.OR(this.alts.notifyStep ??= [{ ALT: () => this.CONSUME(K.email) }, { ALT: () => this.CONSUME(K.sms) }]);
    this.MANY(() => this.SUBRULE(this.notifySetting));
  });

  notifySetting = this.RULE('notifySetting', () => {
    this.OR(this.alts.notifySetting ??= [
      { ALT: () => { this.CONSUME(K.to); this.SUBRULE(this.party); } },
      this.keywordString(1, K.template),
      { ALT: () => this.CONSUME2(StringLiteral) },
    ]);
  });

  waitStep = this.RULE('waitStep', () => {
    this.CONSUME(K.wait);
    this.OR(this.alts.waitStep ??= [
      { ALT: () => this.SUBRULE(this.duration) },
      { ALT: () => { this.CONSUME(K.until); this.CONSUME(StringLiteral); } },
      {
        ALT: () => {
          this.CONSUME(K.for);
          this.SUBRULE(this.waitEvent);
          this.MANY(() => this.SUBRULE(this.waitOption));
        },
      },
    ]);
  });

  waitEvent = this.RULE('waitEvent', () => {
    this.OR(this.alts.waitEvent ??= [
      { ALT: () => { this.CONSUME(K.link); this.CONSUME(K.clicked); this.SUBRULE(this.stepReference); } },
      { ALT: () => { this.CONSUME(K.email); this.CONSUME(K.opened); this.SUBRULE2(this.stepReference); } },
      { ALT: () => { this.CONSUME(K.form); this.CONSUME(StringLiteral); this.CONSUME(K.submitted); } },
    ]);
  });

  /** `[in] <label>`, optional; a name followed by `:` is the next step's label, not a reference. */
  stepReference = this.RULE('stepReference', () => {
    this.OPTION({
      GATE: () => this.LA(1).tokenType === K.in || this.LA(2).tokenType !== Colon,
      DEF: () => {
        this.OPTION2(() => this.CONSUME(K.in));
        this.CONSUME(Identifier);
      },
    });
  });

  waitOption = this.RULE('waitOption', () => {
    this.OR(this.alts.waitOption ??= [
      { ALT: () => { this.CONSUME(K.at); this.CONSUME(K.most); this.SUBRULE(this.duration); } },
      {
        ALT: () => {
          this.CONSUME(K.else);
          this.OR2(this.alts.waitOption2 ??= [
            { ALT: () => this.CONSUME(K.continue) },
            { ALT: () => { this.CONSUME(K.leave); this.OPTION(() => this.SUBRULE(this.leaveBlock)); } },
          ]);
        },
      },
    ]);
  });

  splitStep = this.RULE('splitStep', () => {
    this.CONSUME(K.split);
    this.CONSUME(StringLiteral);
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alts.splitStep ??= [
        { ALT: () => this.SUBRULE(this.branchClause) },
        { ALT: () => this.SUBRULE(this.othersClause) },
      ]));
    this.CONSUME(RCurly);
  });

  branchClause = this.RULE('branchClause', () => {
    this.CONSUME(K.branch);
    this.CONSUME(StringLiteral);
    this.CONSUME(K.when);
    this.SUBRULE(this.condition);
    this.SUBRULE(this.stepBlock);
  });

  othersClause = this.RULE('othersClause', () => {
    this.CONSUME(K.others);
    this.OR(this.alts.othersClause ??= [
      { ALT: () => this.CONSUME(K.continue) },
      { ALT: () => { this.CONSUME(K.leave); this.OPTION(() => this.SUBRULE(this.leaveBlock)); } },
      { ALT: () => this.SUBRULE(this.stepBlock) },
    ]);
  });

  leaveStep = this.RULE('leaveStep', () => {
    this.CONSUME(K.leave);
    this.OPTION(() => this.SUBRULE(this.leaveBlock));
  });

  completeStep = this.RULE('completeStep', () => {
    this.CONSUME(K.complete);
    this.OPTION(() => {
      this.CONSUME(LCurly);
      this.MANY(() => this.SUBRULE(this.completeItem));
      this.CONSUME(RCurly);
    });
  });

  completeItem = this.RULE('completeItem', () => {
    this.OR(this.alts.completeItem ??= [
        {
          ALT: () => {
            this.CONSUME(K.on);
            this.OR2(this.alts.completeItem2 ??= [{ ALT: () => this.CONSUME(K.success) }, { ALT: () => this.CONSUME(K.no_success) }]);
            this.CONSUME(K.move);
            this.CONSUME(K.to);
            this.CONSUME(K.flow);
            this.CONSUME(StringLiteral);
          },
        },
      ]);
  });
}

/** The one parser instance: building it analyses the grammar, which is too slow to repeat. */
export const parser = new StroomParser();
export type { StroomParser };

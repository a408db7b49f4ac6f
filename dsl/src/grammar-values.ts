// The grammar, part 1: the parser's shared state and helpers, values, paths, durations and parties.
// The grammar is written once over EmbeddedActionsParser: each rule returns what it read, built in
// `this.ACTION(…)`, which Chevrotain skips while it records the grammar. parser.ts also runs the same
// rules on a CstParser whose ACTION does nothing, as the benchmark's baseline.
import { EmbeddedActionsParser, isRecognitionException, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import { ROLES, type ChangeValues, type Loc, type Role, type TimeUnit, type Value } from './ast.js';
import { BuildContext, text } from './build-context.js';
import { numberOf, type DurationParts, type NumberParts, type PartyParts, type PathParts } from './build-parts.js';
import { LineIndex } from './diagnostics.js';
import { Dot, K, Minus, Name, NumberLiteral, StringLiteral } from './tokens.js';

const ROLE_NAMES: ReadonlySet<string> = new Set(ROLES);

/** A syntax error on its way to the rule that recovers, with what the rule it cut short had read. */
interface Salvage {
  salvagedBy?: string;
  salvaged?: unknown;
}

export function valueGrammar(Base: typeof EmbeddedActionsParser) {
  return class ValueGrammar extends Base {
    /** The current parse's findings and positions: set by `read` (parser.ts). */
    ctx = new BuildContext(new LineIndex(''));

    /**
     * Each OR's alternatives, built on its first call and reused: Chevrotain reads the array on every
     * call, and building it (an object and a closure per alternative) each time is a good part of
     * the parse's allocations. The closures only reach `this`, so one array serves every call: an
     * alternative returns what it read rather than storing it in the rule's variables.
     */
    protected readonly alts: Record<string, IOrAlt<any>[]> = {};

    /** The span of what the current rule consumed since `first`, its LA(1) when it started. */
    protected locFrom(first: IToken): Loc | undefined {
      return this.ctx.between(first, this.LA(0));
    }

    /**
     * When error recovery cuts a rule short, builds what the rule had read (its findings count, as
     * they did for the partial node of a CST) and sends it on with the error, which it rethrows:
     * the rule's `recoveryValueFunc` returns it if the rule recovers, else its parent may keep it.
     */
    protected salvage(rule: string, error: unknown, build: () => unknown): never {
      if (error instanceof Error && isRecognitionException(error)) {
        (error as Salvage).salvaged = build();
        (error as Salvage).salvagedBy = rule;
      }
      throw error;
    }

    /** What `rule` salvaged from `error`, if `rule` was the last to. */
    protected salvaged<T>(error: unknown, rule: string): T | undefined {
      const salvage = error as Salvage;
      return salvage.salvagedBy === rule ? (salvage.salvaged as T) : undefined;
    }

    /** `keyword "text"` as one alternative returning the text's token; `idx` keeps occurrence indices unique. */
    protected keywordString(idx: number, keyword: TokenType): IOrAlt<IToken> {
      return { ALT: () => { this.consume(idx, keyword); return this.consume(idx, StringLiteral); } };
    }

    /** One alternative per token, each returning the token it consumed. */
    protected tokenAlternatives(tokens: TokenType[]): IOrAlt<IToken>[] {
      return tokens.map((token, i) => ({ ALT: () => this.consume(i + 10, token) }));
    }

    numberValue = this.RULE('numberValue', (): NumberParts => {
      const minus = this.OPTION(() => this.CONSUME(Minus));
      const digits = this.CONSUME(NumberLiteral);
      return this.ACTION(() => ({ digits, negative: minus !== undefined }));
    }, { recoveryValueFunc: () => ({ negative: false }) });

    value = this.RULE('value', (): Value => this.OR<IOrAlt<Value>[]>(this.alts.value ??= [
      { ALT: () => { const token = this.CONSUME(StringLiteral); return this.ACTION(() => text(token)); } },
      { ALT: () => { const parts = this.SUBRULE(this.numberValue); return this.ACTION(() => numberOf(this.ctx, parts)); } },
      { ALT: () => { this.CONSUME(K.true); return true; } },
      { ALT: () => { this.CONSUME(K.false); return false; } },
    ]), { recoveryValueFunc: () => '' });

    /** `entity.field` (at least one dot in conditions; the builder checks the other uses). */
    path = this.RULE('path', (): PathParts => {
      const first = this.LA(1);
      const names = [this.CONSUME(Name)];
      this.MANY(() => { this.CONSUME(Dot); names.push(this.CONSUME2(Name)); });
      return this.ACTION(() => ({ names, loc: this.locFrom(first) }));
    }, { recoveryValueFunc: () => ({ names: [] }) });

    fieldPath = this.RULE('fieldPath', (): PathParts => {
      const first = this.LA(1);
      const names = [this.CONSUME(Name)];
      this.AT_LEAST_ONE(() => { this.CONSUME(Dot); names.push(this.CONSUME2(Name)); });
      return this.ACTION(() => ({ names, loc: this.locFrom(first) }));
    }, { recoveryValueFunc: () => ({ names: [] }) });

    changeValues = this.RULE('changeValues', (): ChangeValues => {
      this.CONSUME(K.changed);
      const from = this.OPTION(() => { this.CONSUME(K.from); return this.SUBRULE(this.value); });
      const to = this.OPTION2(() => { this.CONSUME(K.to); return this.SUBRULE2(this.value); });
      return this.ACTION(() => {
        const change: ChangeValues = {};
        if (from !== undefined) change.from = from;
        if (to !== undefined) change.to = to;
        return change;
      });
    }, { recoveryValueFunc: () => ({}) });

    duration = this.RULE('duration', (): DurationParts => {
      const amount = this.CONSUME(NumberLiteral);
      const unit = this.OR(this.alts.duration ??= this.tokenAlternatives([K.minutes, K.hours, K.days, K.workdays, K.weeks]));
      return this.ACTION(() => ({ amount, unit: unit.tokenType.name as TimeUnit }));
    }, { recoveryValueFunc: () => ({}) });

    party = this.RULE('party', (): PartyParts => {
      const token = this.OR(this.alts.party ??= [
        ...this.tokenAlternatives([
          K.person, K.contact, K.responsible, K.owner, K.our_contact, K.service_contact, K.auto, K.unassigned,
        ]),
        { ALT: () => this.CONSUME(StringLiteral) },
      ]);
      return this.ACTION(() => {
        const loc = this.ctx.token(token);
        const name = token.tokenType.name;
        return ROLE_NAMES.has(name) ? { role: name as Role, loc } : { address: text(token), loc };
      });
    }, { recoveryValueFunc: () => ({}) });
  };
}

// The parser: the grammar (grammar-*.ts, one layer per file) on Chevrotain's EmbeddedActionsParser,
// building the typed AST as it reads. Created once and reused.
import {
  CstParser, EmbeddedActionsParser, type CstNode, type IParserConfig, type IRecognitionException, type IToken,
} from 'chevrotain';
import type { Declaration } from './ast.js';
import { BuildContext } from './build-context.js';
import { LineIndex } from './diagnostics.js';
import { errorMessages } from './error-messages.js';
import { conditionGrammar } from './grammar-conditions.js';
import { createGrammar } from './grammar-create.js';
import { experimentGrammar } from './grammar-experiment.js';
import { flowGrammar } from './grammar-flow.js';
import { flowRulesGrammar } from './grammar-flow-rules.js';
import { sendGrammar } from './grammar-send.js';
import { stepKindGrammar } from './grammar-step-kinds.js';
import { stepGrammar } from './grammar-steps.js';
import { webhookGrammar } from './grammar-webhook.js';
import { valueGrammar } from './grammar-values.js';
import { workflowGrammar } from './grammar-workflow.js';
import { allTokens } from './tokens.js';

/** The context between parses. */
const idle = new BuildContext(new LineIndex(''));

const config: IParserConfig = { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages };

/** The whole grammar over `Base`: an EmbeddedActionsParser, or a CstParser for the baseline below. */
function stroomGrammar(Base: typeof EmbeddedActionsParser) {
  return workflowGrammar(flowGrammar(flowRulesGrammar(stepGrammar(experimentGrammar(webhookGrammar(stepKindGrammar(createGrammar(sendGrammar(conditionGrammar(valueGrammar(Base)))))))))));
}

/** Chevrotain's switch for recovery within repetitions: set on the instance when recovery is enabled. */
interface RecoverySwitch {
  recoveryEnabled: boolean;
  attemptInRepetitionRecovery: unknown;
}

class StroomParser extends stroomGrammar(EmbeddedActionsParser) {
  private readonly recoveringRepetitions: unknown;
  private readonly notRecoveringRepetitions: unknown;

  constructor() {
    super(allTokens, config);
    this.performSelfAnalysis();
    const recovery = this as unknown as RecoverySwitch;
    this.recoveringRepetitions = recovery.attemptInRepetitionRecovery;
    this.notRecoveringRepetitions = (EmbeddedActionsParser.prototype as unknown as RecoverySwitch).attemptInRepetitionRecovery;
  }

  /**
   * Reads `tokens` as declarations, reporting to `ctx`; the syntax errors are in `errors` afterwards.
   * Most texts have no syntax errors, and error recovery costs every rule and repetition even when
   * nothing goes wrong: a text is read without it first, and only a text with a syntax error again,
   * with recovery, from the same state. Both reads of a text without errors are the same.
   */
  read(tokens: IToken[], ctx: BuildContext): Declaration[] {
    const mark = ctx.mark();
    this.recover(false);
    try {
      const declarations = this.readOnce(tokens, ctx);
      if (this.errors.length === 0) return declarations;
    } finally {
      this.recover(true);
    }
    ctx.rollback(mark);
    return this.readOnce(tokens, ctx);
  }

  private readOnce(tokens: IToken[], ctx: BuildContext): Declaration[] {
    this.input = tokens;
    this.ctx = ctx;
    this.declarations = [];
    this.program();
    const declarations = this.declarations;
    // The parser outlives the parse: it keeps neither the context nor the AST.
    this.ctx = idle;
    this.declarations = [];
    return declarations;
  }

  private recover(enabled: boolean): void {
    const recovery = this as unknown as RecoverySwitch;
    recovery.recoveryEnabled = enabled;
    recovery.attemptInRepetitionRecovery = enabled ? this.recoveringRepetitions : this.notRecoveringRepetitions;
  }
}

/** The one parser instance: building it analyses the grammar, which is too slow to repeat. */
export const parser = new StroomParser();

export interface CstOnlyParser {
  input: IToken[];
  readonly errors: IRecognitionException[];
  program(): CstNode;
}

/**
 * The same grammar on a CstParser whose actions do nothing: the same rules, lookahead and error
 * recovery, building Chevrotain's CST instead of the AST. The benchmark's baseline; made on demand,
 * as each parser analyses the grammar when created.
 */
export function createCstParser(): CstOnlyParser {
  class CstOnly extends stroomGrammar(CstParser as unknown as typeof EmbeddedActionsParser) {
    constructor() {
      super(allTokens, { ...config, nodeLocationTracking: 'onlyOffset' });
      this.performSelfAnalysis();
    }

    protected override ACTION<T>(): T {
      return undefined as T;
    }
  }
  return new CstOnly() as unknown as CstOnlyParser;
}

// The grammar, part 5b: `call webhook (GET|POST|PUT) "<url>" [header "<name>" secret "<secret>"]… [body """…"""] [timeout <n> ms]`.
import type { IOrAlt, IToken } from 'chevrotain';
import type { CallWebhookStep, Loc, WebhookHeader, WebhookMethod } from './ast.js';
import { duplicates, text, withPart, type BuildContext } from './build-context.js';
import { wholeNumber } from './build-parts.js';
import type { stepKindGrammar } from './grammar-step-kinds.js';
import { untripleQuote } from './strings.js';
import { K, NumberLiteral, StringLiteral, TripleString, UnterminatedTripleString } from './tokens.js';

type WebhookOption =
  | { kind: 'header'; keywordLoc: Loc | undefined; header: WebhookHeader }
  | { kind: 'body'; keywordLoc: Loc | undefined; body: string; loc: Loc | undefined }
  | { kind: 'timeout'; keywordLoc: Loc | undefined; amount: IToken };

export function webhookGrammar(Base: ReturnType<typeof stepKindGrammar>) {
  return class WebhookGrammar extends Base {
    callWebhookStep = this.RULE('callWebhookStep', (): CallWebhookStep => {
      this.CONSUME(K.call);
      this.CONSUME(K.webhook);
      const method = this.OR(this.alts.callWebhookStep ??= this.tokenAlternatives([K.GET, K.POST, K.PUT]));
      const url = this.CONSUME(StringLiteral);
      const options: WebhookOption[] = [];
      this.MANY(() => options.push(this.OR2<IOrAlt<WebhookOption>[]>(this.alts.callWebhookStep2 ??= [
        {
          ALT: () => {
            const keyword = this.CONSUME(K.header);
            const name = this.CONSUME2(StringLiteral);
            this.CONSUME(K.secret);
            const secret = this.CONSUME3(StringLiteral);
            return this.ACTION(() => ({ kind: 'header', keywordLoc: this.ctx.token(keyword), header: { name: text(name), secret: text(secret) } }));
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(K.body);
            const quoted = this.OR3(this.alts.callWebhookStep3 ??= [{ ALT: () => this.CONSUME(TripleString) }, { ALT: () => this.CONSUME4(StringLiteral) }]);
            return this.ACTION(() => {
              const triple = quoted.tokenType === TripleString || quoted.tokenType === UnterminatedTripleString;
              const body = triple ? untripleQuote(quoted.image, quoted.tokenType !== UnterminatedTripleString) : text(quoted);
              return { kind: 'body', keywordLoc: this.ctx.token(keyword), body, loc: this.ctx.token(quoted) };
            });
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(K.timeout);
            const amount = this.CONSUME(NumberLiteral);
            this.CONSUME(K.ms);
            return this.ACTION(() => ({ kind: 'timeout', keywordLoc: this.ctx.token(keyword), amount }));
          },
        },
      ])));
      return this.ACTION(() => webhookOf(this.ctx, method.tokenType.name as WebhookMethod, url, options));
    });
  };
}

function webhookOf(ctx: BuildContext, method: WebhookMethod, url: IToken, options: readonly WebhookOption[]): CallWebhookStep {
  const step: CallWebhookStep = { kind: 'call_webhook', method, url: text(url), headers: [] };
  withPart(step, 'url', ctx.token(url));
  const bodies = options.filter((option) => option.kind === 'body');
  const timeouts = options.filter((option) => option.kind === 'timeout');
  duplicates(ctx, bodies.map((option) => option.keywordLoc), "'body'");
  duplicates(ctx, timeouts.map((option) => option.keywordLoc), "'timeout'");
  for (const option of options) if (option.kind === 'header') step.headers.push(option.header);
  if (bodies[0]) {
    step.body = bodies[0].body;
    withPart(step, 'body', bodies[0].loc);
  }
  if (timeouts[0]) step.timeoutMs = wholeNumber(ctx, timeouts[0].amount, 'milliseconds');
  return step;
}

/**
 * The DSL benchmark's baseline, in a worker thread: the same grammar (dsl/src/grammar-*.ts) on a
 * CstParser, lexing and parsing to a CST only. In a V8 isolate of its own, the CST parser does not
 * share the grammar functions' type feedback with the pipeline's AST parser, as in the service,
 * which only ever creates the latter. Answers each request with the seconds one pass took (after
 * an untimed one).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCstParser } from '../../dsl/src/parser.js';
import { lexer } from '../../dsl/src/tokens.js';

export type BareSubset = 'all' | 'workflows' | 'flows';

const corpus = (workerData as { corpus: string[] }).corpus;
const subsets: Record<BareSubset, string[]> = {
  all: corpus,
  workflows: corpus.filter((text) => text.startsWith('workflow')),
  flows: corpus.filter((text) => text.startsWith('flow')),
};
const cstParser = createCstParser();

function bareCst(texts: readonly string[]): void {
  for (const text of texts) {
    cstParser.input = lexer.tokenize(text).tokens;
    cstParser.program();
    if (cstParser.errors.length > 0) throw new Error(`the bare parser rejected: ${cstParser.errors[0]!.message}`);
  }
}

parentPort!.on('message', (subset: BareSubset) => {
  // An untimed pass first, as the pipeline's timing does (bench/dsl.ts, `seconds`).
  bareCst(subsets[subset]);
  const started = performance.now();
  bareCst(subsets[subset]);
  parentPort!.postMessage((performance.now() - started) / 1000);
});

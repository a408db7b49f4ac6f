// Controllers parse what a request carries (a zod schema through ZodPipe) and services take typed
// values: no handler takes its body or query as it came, no service method takes a body as `unknown`.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Every `.ts` file under `server/` (specs left out), as paths relative to the repository. */
function sources(): string[] {
  return readdirSync(join(root, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'))
    .map((path) => join('server', path));
}

/**
 * A `@Body`/`@Query` parameter without a pipe, typed `unknown`, or typed `z.output<…>` in place (its
 * decorator metadata names zod's `output`, which the OpenAPI document would take for the body's schema).
 */
function unparsedParameters(text: string): string[] {
  const found: string[] = [];
  for (const [whole, pipe, type] of text.matchAll(/@(?:Body|Query)\(([^)]*(?:\([^)]*\)[^)]*)*)\)\s*[\w{}\s,]+?\s*:\s*([^,)]+)/g)) {
    if (pipe!.trim() === '' || type!.trim() === 'unknown' || type!.trim().startsWith('z.')) found.push(whole!.replace(/\s+/g, ' '));
  }
  return found;
}

/** A method or function that takes a `body`, `query` or `input` typed `unknown` (a pipe's `transform` excepted). */
function untypedInputs(text: string): string[] {
  const found: string[] = [];
  const declaration = /^\s*(?:export\s+)?(?:(?:public|private|protected|static)\s+)*(?:async\s+)?(?:function\s+)?(\w+)\s*\(([^)]*)\)\s*(?::\s*[^={;]+)?\{\s*$/gm;
  for (const [line, name, parameters] of text.matchAll(declaration)) {
    if (name === 'transform' || name === 'if' || name === 'for' || name === 'while' || name === 'switch') continue;
    if (/\b(?:body|query|input)\??\s*:\s*unknown\b/.test(parameters!)) found.push(line!.trim());
  }
  return found;
}

describe('typed input', () => {
  it('finds what it forbids', () => {
    expect(unparsedParameters("list(@Query() query: Record<string, unknown>) {\n  add(@Body() body: unknown) {\n  put(@Body(new ZodPipe(x)) body: unknown) {\n  put(@Body(new ZodPipe(x)) body: z.output<typeof x>) {")).toHaveLength(4);
    expect(unparsedParameters('add(@Body(new ZodPipe(addBody, { whenAbsent: {} })) { address }: SuppressionBody, @Query(new ZodPipe(q)) q: Q) {')).toEqual([]);
    expect(untypedInputs('  async save(body: unknown, principal?: Principal) {\nfunction toSubmission(input: unknown): SubmissionInput {\n  transform(body: unknown): Record<string, unknown> {\n      map((body: unknown) => {')).toHaveLength(2);
  });

  it('every controller parses its body and query through a pipe', () => {
    const controllers = sources().filter((path) => readFileSync(join(root, path), 'utf8').includes('@Controller('));
    expect(controllers.length).toBeGreaterThan(20);
    const unparsed = controllers.flatMap((path) => unparsedParameters(readFileSync(join(root, path), 'utf8')).map((found) => `${path}: ${found}`));
    expect(unparsed).toEqual([]);
  });

  it('no service method takes a body or query typed unknown', () => {
    // server/common/ holds the parsing itself (parseInput, the read-only fields of a PUT), which takes anything.
    const untyped = sources()
      .filter((path) => !path.startsWith('server/common/'))
      .flatMap((path) => untypedInputs(readFileSync(join(root, path), 'utf8')).map((found) => `${path}: ${found}`));
    expect(untyped).toEqual([]);
  });
});

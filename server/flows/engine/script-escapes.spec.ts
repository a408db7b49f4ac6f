import { describe, expect, it } from '@jest/globals';
import { runScript } from './script-sandbox.js';

// The known ways out of a JavaScript sandbox, tried against the run-script step's QuickJS worker
// (issue #10): each must find nothing of Node, and the service must survive each attempt.
const input = { person: { first_name: 'Anna', extra: {} }, flow: { name: 'Welkom' } };
const value = async (source: string) => {
  const result = await runScript(source, input, { timeoutMs: 500 });
  return result.ok ? result.value : `error: ${result.error}`;
};

describe('run-script sandbox escapes', () => {
  it('finds no process, require, module, import, network or timers by any route', async () => {
    const probes = [
      'return typeof process',
      'return typeof require',
      'return typeof module + typeof exports + typeof __dirname',
      'return typeof globalThis.process + typeof globalThis.Deno + typeof globalThis.Bun',
      'return typeof fetch + typeof XMLHttpRequest + typeof WebSocket',
      'return typeof setTimeout + typeof setInterval + typeof queueMicrotask',
      'return typeof Function("return this")().process',
      'return typeof [].constructor.constructor("return process")()',
      'return (person.constructor.constructor("return typeof process"))()',
      'return typeof Object.getPrototypeOf(function* () {}).constructor("return this")().next().value.process',
      'return (function () { return typeof this; })()',
      'try { return typeof eval("process") } catch (e) { return "undefined" }',
    ];
    for (const probe of probes) {
      const result = await value(probe);
      expect([probe, result]).toEqual([probe, expect.not.stringMatching(/^(object|function)/)]);
    }
  });

  it('cannot import modules or read files', async () => {
    expect(await value('return import("node:fs").then(() => "read")')).not.toBe('read');
    expect(await value('try { return require("fs").readFileSync("/etc/passwd", "utf8") } catch (e) { return "refused" }')).toBe('refused');
    expect(await value('return typeof std + typeof os')).toBe('undefinedundefined');
  });

  it('keeps prototype pollution inside the run, and hands back only plain JSON', async () => {
    expect(await value('Object.prototype.polluted = 1; Array.prototype.evil = 2; return { ok: ({}).polluted }')).toEqual({ ok: 1 });
    expect(await value('return ({}).polluted === undefined && [].evil === undefined')).toBe(true);
    const result = await value('return JSON.parse(\'{"__proto__": {"polluted": "yes"}, "a": 1}\')');
    expect(result).toMatchObject({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await value('return { f: function () {}, d: new Date(0), u: undefined }')).toEqual({ d: '1970-01-01T00:00:00.000Z' });
  });

  it('cannot change the frozen person and flow it receives', async () => {
    expect(await value('"use strict"; person.extra.x = 1; return person.extra')).toMatch(/^error: .*TypeError/);
    expect(await value('Object.defineProperty(Object.prototype, "first_name", { get() { return "X" } }); return person.first_name')).toBe('Anna');
  });

  it('is stopped at its time limit, whatever the loop', async () => {
    const started = Date.now();
    for (const loop of [
      'while (true) {}',
      'for (;;) { try { throw 1 } catch (e) {} }',
      'function f() { return f() + 1 } return f()',
      'let s = 0; while (true) { s = (s + 1) % 7 }',
    ]) {
      expect(await runScript(loop, input, { timeoutMs: 200 })).toMatchObject({ ok: false });
    }
    // Promise jobs never run after the script returns: an endless async loop ends with it.
    expect(await runScript('const p = async () => { for (;;) await null }; p(); return "done"', input, { timeoutMs: 200 })).toEqual({ ok: true, value: 'done' });
    expect(Date.now() - started).toBeLessThan(5 * 2500);
  });

  it('is stopped at its memory limit, whatever the bomb, and the service lives on', async () => {
    const before = process.memoryUsage().rss;
    for (const bomb of [
      'const a = []; for (;;) a.push(new Array(1000).fill(1))',
      'let s = "x"; for (;;) s += s',
      'return new ArrayBuffer(1024 * 1024 * 1024).byteLength',
      'const m = new Map(); for (let i = 0; ; i++) m.set(i, { i })',
      'return "x".repeat(2 ** 29).length',
    ]) {
      expect(await runScript(bomb, input, { memoryMb: 16, timeoutMs: 3000 })).toMatchObject({ ok: false });
    }
    // The process's own growth: Jest runs many spec files in one worker, whose memory before this test is theirs.
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
    expect(await value('return 1 + 1')).toBe(2);
  });
});

import { describe, expect, it } from '@jest/globals';
import { runScript } from './script-sandbox.js';

const input = { person: { first_name: 'Anna', interests: ['zon'] }, flow: { name: 'Welkom' } };

describe('runScript', () => {
  it('returns what the script returns, computed from the frozen inputs', async () => {
    expect(await runScript('return { category: person.first_name + " @ " + flow.name, n: person.interests.length };', input)).toEqual({ ok: true, value: { category: 'Anna @ Welkom', n: 1 } });
    expect(await runScript('person.first_name = "X"; return 1;', input)).toMatchObject({ ok: false, error: expect.stringMatching(/TypeError/) });
    expect(await runScript('', input)).toEqual({ ok: true, value: null });
  });

  it('stops endless loops at the time limit and memory bombs at the memory limit', async () => {
    const started = Date.now();
    expect(await runScript('while (true) {}', input, { timeoutMs: 100 })).toEqual({ ok: false, error: 'stopped after 100 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
    const bomb = await runScript("const a = []; for (;;) a.push({ a: [1, 2, 3] });", input, { memoryMb: 8, timeoutMs: 5000 });
    expect(await runScript("return \"x\".repeat(1e9).length", input, { timeoutMs: 200 })).toMatchObject({ ok: false });
    expect(bomb.ok).toBe(false);
    expect((bomb as { error: string }).error).toMatch(/memory|stopped/);
  });

  it('has no way out to the process, modules, files, network or timers', async () => {
    for (const escape of [
      'return typeof process + typeof require + typeof fetch + typeof setTimeout + typeof globalThis.process',
      'return (function () { return this; })() === undefined ? "strict" : Object.keys(globalThis).join()',
      'return [].constructor.constructor("return typeof process")()',
      'Object.prototype.polluted = 1; return ({}).polluted',
    ]) {
      const result = await runScript(escape, input);
      expect(JSON.stringify(result)).not.toMatch(/object|function/);
    }
    // Pollution inside one run never reaches the next.
    expect(await runScript('return ({}).polluted === undefined', input)).toEqual({ ok: true, value: true });
  });
});

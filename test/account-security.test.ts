import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

/** Accounts: signing in takes as long whether or not the address exists. */
const context = useTestApp({ LOGIN_RATE_LIMIT: '1000', LOGIN_MAX_FAILURES: '1000' });

async function loginTime(email: string): Promise<number> {
  const started = performance.now();
  const res = await context.app.call('POST', '/api/auth/login', { email, password: 'niet-het-wachtwoord' }, null);
  expect(res.status).toBe(401);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('login timing', () => {
  it('does not reveal whether an address exists: an unknown address takes as long as a wrong password', async () => {
    expect((await context.app.call('POST', '/api/employees', { name: 'Bestaat', email: 'bestaat@example.nl', roles: [], password: 'een-goed-wachtwoord' })).status).toBe(201);
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a slow moment of the machine falls on both.
    for (let i = 0; i < 9; i++) {
      known.push(await loginTime('bestaat@example.nl'));
      unknown.push(await loginTime(`bestaat-niet-${i}@example.nl`));
    }
    process.stdout.write(`login medians: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms\n`);
    // A password hash takes tens of milliseconds; without one an unknown address answers in a few.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
    expect(median(unknown)).toBeLessThan(median(known) * 1.6);
  });
});

describe('session revocation', () => {
  const signIn = async (email: string, password: string) => {
    const res = await context.app.call('POST', '/api/auth/login', { email, password }, null);
    expect(res.status).toBe(200);
    return res.body.token as string;
  };
  const signedIn = async (token: string) => (await context.app.call('GET', '/api/auth/me', undefined, token)).status === 200;

  it('a changed password ends the employee\'s other sessions, keeping the one that changed it', async () => {
    const created = await context.app.call('POST', '/api/employees', { name: 'Wissel', email: 'wissel@example.nl', roles: ['flow_admin'], password: 'eerste-wachtwoord' });
    expect(created.status).toBe(201);
    const here = await signIn('wissel@example.nl', 'eerste-wachtwoord');
    const elsewhere = await signIn('wissel@example.nl', 'eerste-wachtwoord');
    expect((await context.app.call('PATCH', `/api/employees/${created.body.id}`, { name: 'Wissel 2' }, here)).status).toBe(200);
    expect([await signedIn(here), await signedIn(elsewhere)]).toEqual([true, true]);
    expect((await context.app.call('PATCH', `/api/employees/${created.body.id}`, { password: 'tweede-wachtwoord' }, here)).status).toBe(200);
    expect([await signedIn(here), await signedIn(elsewhere)]).toEqual([true, false]);
    // Reset by an administrator (the API token): every session of the employee ends.
    expect((await context.app.call('PATCH', `/api/employees/${created.body.id}`, { password: 'derde-wachtwoord' })).status).toBe(200);
    expect(await signedIn(here)).toBe(false);
  });

  it('a removed role ends the employee\'s sessions; an added one does not', async () => {
    const created = await context.app.call('POST', '/api/employees', { name: 'Rol', email: 'rol@example.nl', roles: ['content_editor'], password: 'een-wachtwoord' });
    const token = await signIn('rol@example.nl', 'een-wachtwoord');
    expect((await context.app.call('PATCH', `/api/employees/${created.body.id}`, { roles: ['content_editor', 'flow_admin'] })).status).toBe(200);
    expect(await signedIn(token)).toBe(true);
    expect((await context.app.call('PATCH', `/api/employees/${created.body.id}`, { roles: ['flow_admin'] })).status).toBe(200);
    expect(await signedIn(token)).toBe(false);
  });
});

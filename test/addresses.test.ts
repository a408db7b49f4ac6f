import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/lifecycle.js';

/** Every address a rule, a setting or a record holds is one RFC 5322 address without control characters; phone numbers are E.164. */
const context = useTestApp();

describe('addresses are checked at save', () => {
  it('refuses a flow whose sender or notify recipient is not one address, with a diagnostic at its line', async () => {
    expect((await context.app.call('POST', '/api/templates', { key: 'intern', name: 'Intern', channel: 'email', subject: 'Nieuw', body: 'Hallo' })).status).toBe(201);
    const cases = [
      ['flow "A" {\n  sender "not an address"\n  reply_to "ops@example.nl"\n  trigger manual\n  complete\n}\n', 2],
      ['flow "B" {\n  sender "Loket <info@loket.example>"\n  reply_to "ops@example.nl"\n  trigger manual\n  notify email to "ops@example.nl\\nBcc: evil@example.com" template "intern"\n}\n', 5],
      ['flow "C" {\n  trigger manual\n  notify sms to "06 1234 5678" "Nieuw"\n}\n', 3],
    ] as const;
    for (const [source, line] of cases) {
      const res = await context.app.call('POST', '/api/flows', { source });
      expect(res.status).toBe(400);
      const text = JSON.stringify(res.body);
      expect(text).toMatch(/invalid-(email-address|phone-number)/);
      expect(text).toContain(`"line":${line}`);
    }
    const workflow = await context.app.call('POST', '/api/workflows', { source: 'workflow "W" {\n  on person created\n  send email "intern" to "ops@example.nl\\r\\nBcc: evil@example.com"\n}\n' });
    expect(workflow.status).toBe(400);
    expect(JSON.stringify(workflow.body)).toContain('invalid-email-address');
  });

  it('refuses a person or employee whose e-mail address or mobile number does not parse', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['persons', { lastName: 'A', email: 'anna@example.nl\nBcc: evil@example.com' }, 'email', 'validation.control_character'],
      ['persons', { lastName: 'A', email: 'Anna <anna@example.nl>' }, 'email', 'validation.email'],
      ['persons', { lastName: 'A', mobile: '06 12345678' }, 'mobile', 'validation.phone'],
      ['employees', { name: 'B', email: 'b@example.nl', mobile: '+31 6 1234' }, 'mobile', 'validation.phone'],
      ['employees', { name: 'B', email: 'b at example.nl' }, 'email', 'validation.email'],
    ];
    for (const [path, body, field, code] of cases) {
      const res = await context.app.call('POST', `/api/${path}`, body);
      expect([path, res.status, res.body.details?.issues?.map((i: { field: string; code: string }) => `${i.field} ${i.code}`)]).toEqual([path, 400, [`${field} ${code}`]]);
    }
    expect((await context.app.call('POST', '/api/persons', { lastName: 'A', email: 'zoë.de-vries+crm@voorbeeld.nl', mobile: '+31612345678' })).status).toBe(201);
  });
});

import { describe, expect, it } from '@jest/globals';
import { emailAddressProblem, mailboxAddress, phoneNumberProblem } from './addresses.js';
import { checkSource } from './checker.js';

const findings = (source: string) => checkSource(source).diagnostics.filter((d) => d.code?.startsWith('invalid-')).map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`);

describe('addresses in rules', () => {
  it('parses e-mail addresses as RFC 5322 and refuses control characters; a name only where a sender may carry one', () => {
    for (const ok of ['ops@example.nl', 'Zoë.de-Vries+crm@voorbeeld.nl', '"een spatie"@example.nl', 'jürgen@müller.de']) expect([ok, emailAddressProblem(ok)]).toEqual([ok, undefined]);
    expect(emailAddressProblem('Loket <info@loket.example>', { displayName: true })).toBeUndefined();
    for (const bad of ['not an address', 'ops@example.nl\nBcc: evil@example.com', 'ops@example.nl\r\n', 'a@b.nl, c@d.nl', '@example.nl', 'ops@', 'Loket <info@loket.example>', 'ops@exa\u0000mple.nl']) {
      expect([bad, emailAddressProblem(bad)]).toEqual([bad, expect.any(String)]);
    }
  });

  it('wants phone numbers in E.164 form without control characters', () => {
    expect(phoneNumberProblem('+31612345678')).toBeUndefined();
    for (const bad of ['0612345678', '+31 6 12345678', '+31612345678\r\n', '+0612345678', '+3161234567890123']) expect([bad, phoneNumberProblem(bad)]).toEqual([bad, expect.any(String)]);
  });

  it('reports a bad sender, reply_to, notify recipient and workflow recipient at its position', () => {
    const flow = ['flow "f" {', '  sender "not an address"', '  reply_to "ops@example.nl"', '  trigger manual', '  notify email to "ops@example.nl\\nBcc: evil@example.com" template "k"', '  notify sms to "06 1234" "Nieuw"', '}', ''].join('\n');
    expect(findings(flow)).toEqual([
      expect.stringMatching(/^2:\d+ invalid-email-address: "not an address": not an e-mail address/),
      expect.stringMatching(/^5:\d+ invalid-email-address: .*control characters/),
      expect.stringMatching(/^6:\d+ invalid-phone-number: "06 1234": not a phone number/),
    ]);
    const workflow = ['workflow "w" {', '  on person created', '  send email "welkom" to "iemand at example"', '}', ''].join('\n');
    expect(findings(workflow)).toEqual([expect.stringMatching(/^3:\d+ invalid-email-address: "iemand at example"/)]);
    expect(findings(flow.replace('not an address', 'Loket <info@loket.example>').replace('\\nBcc: evil@example.com', '').replace('06 1234', '+31612345678'))).toEqual([]);
  });
});

describe('mailboxAddress', () => {
  it('gives the bare address of a mailbox, the same when asked again, and nothing for what is not one', () => {
    for (let round = 0; round < 2; round++) {
      expect(mailboxAddress('Stroom <noreply@example.nl>')).toBe('noreply@example.nl');
      expect(mailboxAddress('anna@example.nl')).toBe('anna@example.nl');
      expect(mailboxAddress('geen adres')).toBeUndefined();
      expect(mailboxAddress('Groep: a@example.nl, b@example.nl;')).toBeUndefined();
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import { bounceFixture } from '../../test/support/bounce-fixtures.js';
import { readReport } from './bounce-report.js';

const values = { address: 'anna@example.nl', messageId: '<abc123@energieloket.example>', returnPath: 'bounce+0123456789abcdef0123456789abcdef01234567@bounces.stroom.test' };

describe('readReport', () => {
  it('reads a hard bounce from a Gmail DSN', async () => {
    expect(await readReport(bounceFixture('gmail-hard', values))).toEqual([{ type: 'bounced', kind: 'hard', address: 'anna@example.nl', status: '5.1.1', originalMessageId: '<abc123@energieloket.example>' }]);
  });

  it('reads a hard bounce from an Outlook non-delivery report (headers only)', async () => {
    expect(await readReport(bounceFixture('outlook-hard', values))).toEqual([{ type: 'bounced', kind: 'hard', address: 'anna@example.nl', status: '5.1.10', originalMessageId: '<abc123@energieloket.example>' }]);
  });

  it('reads a Postfix delay warning as a soft bounce', async () => {
    expect(await readReport(bounceFixture('postfix-delayed', values))).toEqual([{ type: 'bounced', kind: 'soft', address: 'anna@example.nl', status: '4.4.1', originalMessageId: '<abc123@energieloket.example>' }]);
  });

  it('reads a complaint from an ARF feedback report', async () => {
    expect(await readReport(bounceFixture('outlook-complaint', values))).toEqual([{ type: 'complained', address: 'anna@example.nl', originalMessageId: '<abc123@energieloket.example>' }]);
  });

  it('reads nothing from an ordinary e-mail', async () => {
    expect(await readReport('From: a@b.nl\r\nTo: c@d.nl\r\nSubject: Hoi\r\n\r\nHallo\r\n')).toEqual([]);
  });
});

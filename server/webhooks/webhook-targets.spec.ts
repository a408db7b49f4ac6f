import { describe, expect, it } from '@jest/globals';
import { WebhookTargets } from './webhook-targets.js';

describe('webhook targets', () => {
  const targets = new WebhookTargets(['crm.intern', '10.0.0.0/8', '127.0.0.1']);

  it.each([
    ['https://example.nl/hook', { allowed: true, agent: { allowIPAddressList: ['10.0.0.0/8', '127.0.0.1'] } }],
    ['http://crm.intern:8080/x', { allowed: true, agent: { allowPrivateIPAddress: true } }],
    ['http://10.2.3.4/x', { allowed: true, agent: { allowIPAddressList: ['10.0.0.0/8', '127.0.0.1'] } }],
    ['http://127.0.0.1:9000/', { allowed: true, agent: { allowIPAddressList: ['10.0.0.0/8', '127.0.0.1'] } }],
    ['http://example.nl/hook', { allowed: false, reason: 'refused: plain http only goes to hosts WEBHOOK_ALLOW_PRIVATE names, not example.nl' }],
    ['http://192.168.1.1/', { allowed: false, reason: 'refused: plain http only goes to hosts WEBHOOK_ALLOW_PRIVATE names, not 192.168.1.1' }],
    ['ftp://example.nl/', { allowed: false, reason: 'refused: ftp: is not http or https' }],
    ['https://user:pw@example.nl/', { allowed: false, reason: 'refused: the address carries a user name or password' }],
  ])('%s', (url, verdict) => {
    expect(targets.verdict(new URL(url))).toEqual(verdict);
  });
});

import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('webhook configuration', () => {
  it('reads WEBHOOK_SECRETS as names and values, and WEBHOOK_ALLOW_PRIVATE as hosts, addresses and CIDRs', () => {
    const config = loadConfig({ WEBHOOK_SECRETS: '{"crm": "Bearer abc", "erp": "x"}', WEBHOOK_ALLOW_PRIVATE: 'crm.intern, 10.0.0.0/8,127.0.0.1,fd00::/8' });
    expect(config.webhookSecrets).toEqual({ crm: 'Bearer abc', erp: 'x' });
    expect(config.webhookAllowPrivate).toEqual(['crm.intern', '10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    expect(loadConfig({})).toMatchObject({ webhookSecrets: {}, webhookAllowPrivate: [] });
  });

  it.each([
    ['WEBHOOK_SECRETS', 'not json', 'Invalid configuration: WEBHOOK_SECRETS must be a JSON object of secret names and their values, as in {"crm": "Bearer …"} (its value is not shown: it may hold a secret)'],
    ['WEBHOOK_SECRETS', '{"crm": 42}', 'Invalid configuration: WEBHOOK_SECRETS must give each secret as a text (the secret "crm" is not one) (its value is not shown: it may hold a secret)'],
    ['WEBHOOK_SECRETS', '["a"]', 'Invalid configuration: WEBHOOK_SECRETS must be a JSON object of secret names and their values (its value is not shown: it may hold a secret)'],
    ['WEBHOOK_ALLOW_PRIVATE', '10.0.0.0/99', 'Invalid configuration: WEBHOOK_ALLOW_PRIVATE must hold host names, IP addresses or CIDRs such as 10.0.0.0/8 ("10.0.0.0/99" is not a CIDR) (got "10.0.0.0/99")'],
    ['WEBHOOK_ALLOW_PRIVATE', 'crm intern', 'Invalid configuration: WEBHOOK_ALLOW_PRIVATE must hold host names, IP addresses or CIDRs such as 10.0.0.0/8 ("crm intern" is none of these) (got "crm intern")'],
  ])('refuses a bad %s at start, naming it without showing a secret', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
  });
});

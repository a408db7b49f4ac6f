import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

function refusal(variable: string, value: string): unknown {
  try {
    loadConfig({ [variable]: value });
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: 'embedded',
      dataDir: './data',
      clock: 'real',
      appTimezone: 'Europe/Amsterdam',
      logLevel: 'info',
      seedDemo: true,
      migrations: true,
      publicUrl: 'http://127.0.0.1:3000',
    });
  });

  it('reads a real database and switches', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      SEED_DEMO: 'off',
      MIGRATIONS: 'off',
      CLOCK: 'manual',
      HOLIDAYS: '2026-12-24, 2026-12-31',
    });
    expect(config).toMatchObject({ database: 'postgresql', seedDemo: false, migrations: false, clock: 'manual' });
    expect(config.holidays).toEqual(['2026-12-24', '2026-12-31']);
  });

  it('accepts a socket address', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql:///test?host=/var/run/postgresql' }).database).toBe('postgresql');
  });

  it.each([
    ['PORT', 'abc', /^Invalid configuration: PORT must be a port number/],
    ['CLOCK', 'weird', /^Invalid configuration: CLOCK must be "manual" or unset \(got "weird"\)/],
    ['DATABASE_URL', 'not a url', /^Invalid configuration: DATABASE_URL must be a URL/],
    ['DATABASE_URL', 'mysql://x@y/z', /^Invalid configuration: DATABASE_URL must be a URL/],
    ['APP_TIMEZONE', 'Mars/Olympus', /^Invalid configuration: APP_TIMEZONE/],
    ['LOG_LEVEL', 'loud', /^Invalid configuration: LOG_LEVEL/],
    ['SEED_DEMO', 'maybe', /^Invalid configuration: SEED_DEMO/],
    ['HOLIDAYS', '2026-13-45x', /^Invalid configuration: HOLIDAYS/],
  ])('refuses %s=%s with one line naming the variable', (variable, value, message) => {
    const error = refusal(variable, value);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
  it('reads the bounce domain of the return path and refuses one that is not a domain', () => {
    expect(loadConfig({}).bounceDomain).toBeUndefined();
    expect(loadConfig({ BOUNCE_DOMAIN: 'Bounces.Example.com' }).bounceDomain).toBe('bounces.example.com');
    expect(() => loadConfig({ BOUNCE_DOMAIN: 'bounce@example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ BOUNCE_DOMAIN: 'localhost' })).toThrow(/BOUNCE_DOMAIN must be a domain name/);
    expect(loadConfig({ BOUNCE_SMTP_PORT: '2525' }).bounceSmtpPort).toBe(2525);
    expect(loadConfig({}).bounceSmtpPort).toBeUndefined();
    expect(() => loadConfig({ BOUNCE_SMTP_PORT: 'smtp' })).toThrow(/BOUNCE_SMTP_PORT must be a port number/);
  });

  it.each([
    ['ADMIN_API_TOKEN', 'short-secret-tk', /^Invalid configuration: ADMIN_API_TOKEN must be at least 16 characters long \(its value is not shown/],
    ['ADMIN_PASSWORD', 'geheim', /^Invalid configuration: ADMIN_PASSWORD must be at least 8 characters long \(its value is not shown/],
    ['DATABASE_URL', 'postgres//app:s3cr3t-pw@db/stroom', /^Invalid configuration: DATABASE_URL must be a URL/],
    ['SMTP_URL', 'smtp//mail:s3cr3t-pw@mail', /^Invalid configuration: SMTP_URL must be a URL/],
    ['SMS_PROVIDER_URL', 'ftp://key:s3cr3t-pw@sms', /^Invalid configuration: SMS_PROVIDER_URL must be a URL/],
  ])('refuses %s with the variable and the rule but never its secret value', (variable, value, message) => {
    const error = refusal(variable, value);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(value);
    expect((error as Error).message).not.toContain('s3cr3t');
  });
});

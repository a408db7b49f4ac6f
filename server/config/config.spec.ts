import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

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
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
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
});

import { emailAddressProblem } from '@stroom/dsl';
import { z } from 'zod';
import { webhookAllowListProblem, webhookSecretsFrom } from './webhook-config.js';

/** The typed configuration, read once at boot from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  database: 'postgresql' | 'embedded';
  dataDir: string;
  smtpUrl: string | undefined;
  smsProviderUrl: string | undefined;
  adminApiToken: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  clock: 'real' | 'manual';
  appTimezone: string;
  holidays: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemo: boolean;
  migrations: boolean;
  mailFrom: string;
  publicUrl: string;
  sessionTtlHours: number;
  /** Origins allowed to call the API from a browser; empty: CORS off. */
  corsOrigins: string[];
  /** Sign-in attempts per minute from one address. */
  loginRateLimit: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** Domain of the per-message return path `bounce+<token>@<domain>` (VERP); unset: the From address. */
  bounceDomain: string | undefined;
  /** Port of the inbound SMTP listener for bounce and complaint reports; unset: no listener. */
  bounceSmtpPort: number | undefined;
  /** Named secrets webhook headers may use (`header "Authorization" secret "crm"`), from WEBHOOK_SECRETS. */
  webhookSecrets: Readonly<Record<string, string>>;
  /** Private, loopback or link-local hosts and CIDRs webhooks may call all the same (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate: string[];
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

const onOff = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return true;
      const value = v.toLowerCase();
      if (['on', 'true', '1', 'yes'].includes(value)) return true;
      if (['off', 'false', '0', 'no'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: `must be "on" or "off" (got "${v}")`, path: [name] });
      return z.NEVER;
    });

const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isUrl(v, protocols), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    });

function isUrl(value: string, protocols: string[]): boolean {
  try {
    const parsed = new URL(value);
    return protocols.includes(parsed.protocol) && (parsed.hostname !== '' || parsed.searchParams.has('host'));
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? '3000' : v))
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 65535, { message: 'must be a port number (0-65535)' })
    .transform(Number),
  HOST: z.string().optional().transform((v) => v || '127.0.0.1'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATA_DIR: z.string().optional().transform((v) => v || './data'),
  SMTP_URL: url(['smtp:', 'smtps:']),
  SMS_PROVIDER_URL: url(['http:', 'https:']),
  ADMIN_API_TOKEN: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters long' }),
  ADMIN_EMAIL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || emailAddressProblem(v) === undefined, { message: 'must be an e-mail address' }),
  ADMIN_PASSWORD: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 8, { message: 'must be at least 8 characters long' }),
  CLOCK: z
    .string()
    .optional()
    .transform((v) => v || 'real')
    .refine((v) => v === 'real' || v === 'manual', { message: 'must be "manual" or unset' }),
  APP_TIMEZONE: z
    .string()
    .optional()
    .transform((v) => v || 'Europe/Amsterdam')
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Amsterdam' }),
  HOLIDAYS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((d) => d.trim()).filter(Boolean) : []))
    .refine((dates) => dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d))), {
      message: 'must be comma-separated ISO dates (YYYY-MM-DD)',
    }),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => v || 'info')
    .refine((v) => ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v), {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
  SEED_DEMO: onOff('SEED_DEMO'),
  MIGRATIONS: onOff('MIGRATIONS'),
  MAIL_FROM: z
    .string()
    .optional()
    .transform((v) => v || 'Stroom <stroom@localhost>')
    .refine((v) => emailAddressProblem(v, { displayName: true }) === undefined, { message: 'must be an e-mail address, optionally with a name (Stroom <stroom@example.nl>)' }),
  PUBLIC_URL: url(['http:', 'https:']),
  SESSION_TTL_HOURS: positiveWhole('12', 'must be a positive whole number of hours'),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : []))
    .refine((origins) => origins.every((o) => isUrl(o, ['http:', 'https:'])), { message: 'must be comma-separated origins such as https://crm.example.com' }),
  LOGIN_RATE_LIMIT: positiveWhole('30', 'must be a positive whole number of attempts per minute'),
  LOGIN_MAX_FAILURES: positiveWhole('5', 'must be a positive whole number of failed sign-ins'),
  LOGIN_LOCKOUT_MINUTES: positiveWhole('15', 'must be a positive whole number of minutes'),
  BOUNCE_SMTP_PORT: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 65535), { message: 'must be a port number (0-65535)' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  BOUNCE_DOMAIN: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || undefined)
    .refine((v) => v === undefined || /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(v), { message: 'must be a domain name such as bounces.example.com' }),
  WEBHOOK_SECRETS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const secrets = webhookSecretsFrom(v);
      if (typeof secrets === 'string') {
        ctx.addIssue({ code: 'custom', message: secrets });
        return z.NEVER;
      }
      return secrets;
    }),
  WEBHOOK_ALLOW_PRIVATE: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((entry) => entry.trim()).filter(Boolean) : []))
    .superRefine((entries, ctx) => {
      const problem = webhookAllowListProblem(entries);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

function positiveWhole(fallback: string, message: string) {
  return z
    .string()
    .optional()
    .transform((v) => v || fallback)
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0, { message })
    .transform(Number);
}

/** Variables that hold a secret or may carry one (a URL's password): a refusal names the rule, never the value. */
const SECRET_VARIABLES = new Set(['ADMIN_API_TOKEN', 'ADMIN_PASSWORD', 'DATABASE_URL', 'SMTP_URL', 'SMS_PROVIDER_URL', 'WEBHOOK_SECRETS']);

/** Parses the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    const shown = value === undefined ? '' : SECRET_VARIABLES.has(variable) ? ' (its value is not shown: it may hold a secret)' : ` (got "${value}")`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    database: e.DATABASE_URL ? 'postgresql' : 'embedded',
    dataDir: e.DATA_DIR,
    smtpUrl: e.SMTP_URL,
    smsProviderUrl: e.SMS_PROVIDER_URL,
    adminApiToken: e.ADMIN_API_TOKEN,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    clock: e.CLOCK as AppConfig['clock'],
    appTimezone: e.APP_TIMEZONE,
    holidays: e.HOLIDAYS,
    logLevel: e.LOG_LEVEL as AppConfig['logLevel'],
    seedDemo: e.SEED_DEMO,
    migrations: e.MIGRATIONS,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    corsOrigins: e.CORS_ORIGINS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    bounceDomain: e.BOUNCE_DOMAIN,
    bounceSmtpPort: e.BOUNCE_SMTP_PORT,
    webhookSecrets: e.WEBHOOK_SECRETS,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
  };
}

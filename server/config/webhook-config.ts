import ipaddr from 'ipaddr.js';

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** WEBHOOK_SECRETS: a JSON object of secret name → text; a problem as a sentence (never quoting a value). */
export function webhookSecretsFrom(value: string | undefined): Record<string, string> | string {
  if (value === undefined || value.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'must be a JSON object of secret names and their values, as in {"crm": "Bearer …"}';
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'must be a JSON object of secret names and their values';
  const secrets: Record<string, string> = {};
  for (const [name, secret] of Object.entries(parsed)) {
    if (typeof secret !== 'string') return `must give each secret as a text (the secret "${name}" is not one)`;
    if (/[\r\n]/.test(secret)) return `must not hold line breaks in a secret (the secret "${name}" does)`;
    secrets[name] = secret;
  }
  return secrets;
}

/** WEBHOOK_ALLOW_PRIVATE: host names, IP addresses or CIDRs (10.0.0.0/8); the first bad entry as a sentence. */
export function webhookAllowListProblem(entries: readonly string[]): string | undefined {
  for (const entry of entries) {
    if (entry.includes('/')) {
      try {
        ipaddr.parseCIDR(entry);
      } catch {
        return `must hold host names, IP addresses or CIDRs such as 10.0.0.0/8 ("${entry}" is not a CIDR)`;
      }
    } else if (!ipaddr.isValid(entry) && !HOST_NAME.test(entry)) {
      return `must hold host names, IP addresses or CIDRs such as 10.0.0.0/8 ("${entry}" is none of these)`;
    }
  }
  return undefined;
}

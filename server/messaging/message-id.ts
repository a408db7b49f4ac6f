import { createHash } from 'node:crypto';

/** A stable Message-ID for an idempotency key, so receivers can de-duplicate a resend. */
export function messageIdFor(key: string, domain: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}

/** The domain part of an address like `Name <user@example.org>`, or `stroom.local`. */
export function domainOf(address: string | undefined): string {
  const match = address?.match(/@([A-Za-z0-9.-]+)>?\s*$/);
  return match?.[1]?.toLowerCase() ?? 'stroom.local';
}

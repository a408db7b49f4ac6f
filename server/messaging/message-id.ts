import { hash } from 'node:crypto';

/** A stable Message-ID for an idempotency key, so receivers can de-duplicate a resend. */
export function messageIdFor(key: string, domain: string): string {
  // The one-shot hash: a Hash object per message was a measurable part of a campaign's send step.
  const digest = hash('sha256', key, 'hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}

/** The domain part of an address like `Name <user@example.org>`, or `stroom.local`. */
export function domainOf(address: string | undefined): string {
  const match = address?.match(/@([A-Za-z0-9.-]+)>?\s*$/);
  return match?.[1]?.toLowerCase() ?? 'stroom.local';
}

/**
 * The per-message return path (VERP): `bounce+<token>@<domain>`, the token being the Message-ID's
 * local part, so a bounce sent to it names the message it is about.
 */
export function returnPathFor(messageId: string, bounceDomain: string): string {
  return `bounce+${messageId.replace(/^<|@.*$/g, '')}@${bounceDomain}`;
}

/** The token of a VERP return path (`bounce+<token>@…`), or undefined for another address. */
export function verpToken(address: string): string | undefined {
  return address.match(/^bounce\+([0-9a-f]{40})@/i)?.[1]?.toLowerCase();
}

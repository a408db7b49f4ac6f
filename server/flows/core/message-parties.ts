import type { Party } from '@stroom/dsl';

type Json = Record<string, unknown>;

/** A text value with something in it, trimmed; null for anything else. */
export function filledText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A plain text (a notification written in the step) as the HTML body of an e-mail: escaped, its line breaks kept. */
export function plainTextHtml(text: string): string {
  return `<p>${text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!).replace(/\r?\n/g, '<br>')}</p>`;
}

/** The address of our contact, our service contact or a literal address/number, for notifications. */
export function partyAddress(party: Party, channel: 'email' | 'sms', facts: Json): string | null {
  if (party.kind === 'address') return party.address;
  const holder = facts[party.role] as Json | undefined;
  return filledText(holder?.[channel === 'email' ? 'email' : 'mobile']);
}

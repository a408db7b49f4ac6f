import { simpleParser, type Attachment } from 'mailparser';

/** What a report sent to a return path says about one recipient. */
export type BounceReport =
  | { type: 'bounced'; kind: 'hard' | 'soft'; address?: string; status?: string; originalMessageId?: string }
  | { type: 'complained'; address?: string; originalMessageId?: string };

/** `Name: value` lines of a report part, grouped by blank lines (a DSN has one group per recipient). */
function fieldGroups(text: string): Map<string, string>[] {
  const unfolded = text.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded.split(/\r?\n\s*\r?\n/).map((group) => {
    const fields = new Map<string, string>();
    for (const line of group.split(/\r?\n/)) {
      const match = line.match(/^([A-Za-z-]+):\s*(.*)$/);
      if (match && !fields.has(match[1]!.toLowerCase())) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    return fields;
  });
}

/** `rfc822; anna@example.nl` → `anna@example.nl`. */
function addressOf(value: string | undefined): string | undefined {
  const address = value?.replace(/^[^;]*;\s*/, '').replace(/^<|>$/g, '').trim();
  return address && address.includes('@') ? address : undefined;
}

const text = (part: Attachment): string => part.content.toString('utf8');

/**
 * Reads a delivery status notification (RFC 3464, `multipart/report; report-type=delivery-status`)
 * or a complaint (ARF, RFC 5965, `report-type=feedback-report`). Each failed recipient of a DSN is a
 * bounce: hard for a 5.x.x status, soft for 4.x.x or a delay; anything else yields nothing.
 * mailparser hands the report's text parts (the status fields, the original's headers) over as
 * the message text, and an attached original message as an attachment.
 */
export async function readReport(raw: Buffer | string): Promise<BounceReport[]> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value?.toLowerCase() !== 'multipart/report') return [];
  const reportType = contentType.params?.['report-type']?.toLowerCase();
  const body = [mail.text ?? '', ...(mail.attachments ?? []).filter((p) => p.contentType.startsWith('message/') || p.contentType === 'text/rfc822-headers').map(text)].join('\n\n');
  // An inline original is parsed away by mailparser: its Message-ID is the last one of the raw report besides the report's own.
  const rawIds = [...raw.toString().matchAll(/^Message-ID:\s*(<[^>\s]+>)/gim)].map((m) => m[1]!).filter((id) => id !== mail.messageId);
  const originalMessageId = body.match(/^Message-ID:\s*(<[^>\s]+>)/im)?.[1] ?? rawIds.at(-1);
  const groups = fieldGroups(body);
  const reports: BounceReport[] = [];
  if (reportType === 'delivery-status') {
    for (const fields of groups) {
      const action = fields.get('action')?.toLowerCase();
      const code = fields.get('status')?.match(/^[245]\.\d{1,3}\.\d{1,3}/)?.[0];
      if (action !== 'failed' && action !== 'delayed') continue;
      const kind = action === 'failed' && code?.startsWith('5') ? 'hard' : 'soft';
      reports.push({ type: 'bounced', kind, address: addressOf(fields.get('final-recipient') ?? fields.get('original-recipient')), status: code, originalMessageId });
    }
  }
  if (reportType === 'feedback-report') {
    const fields = groups.find((g) => g.has('feedback-type'));
    if (fields) reports.push({ type: 'complained', address: addressOf(fields.get('original-rcpt-to')), originalMessageId });
  }
  return reports;
}

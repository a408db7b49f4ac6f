// Editor support: which kind of name a quoted text at the cursor holds (`send email "|` → a template
// key), so that an editor can offer the names that exist.
import type { NameKind, StatusKind } from './catalog.js';

export type QuotedNameKind = Exclude<NameKind, 'employees' | 'files'> | 'statuses';

export interface QuotedName {
  kind: QuotedNameKind;
  /** For `statuses`: whose statuses. */
  statusKind?: StatusKind;
  /** Where the text inside the quotes starts (just after the opening quote). */
  from: number;
  /** What has been typed inside the quotes so far. */
  typed: string;
}

const VALUE_BEFORE = String.raw`\s*(?:=|!=|changed(?:\s+from\s+"[^"]*")?\s+(?:to|from)|in\s*\[(?:\s*"[^"]*"\s*,)*)\s*$`;

/** The words before an opening quote, and the kind of name they call for. */
const CONTEXTS: { pattern: RegExp; kind: QuotedNameKind }[] = [
  { pattern: /\b(?:send\s+email|template)\s*$/, kind: 'templates' },
  { pattern: /\bselection\s*$/, kind: 'selections' },
  { pattern: /\bform\s*$/, kind: 'forms' },
  { pattern: /\bto\s+flow\s*$/, kind: 'flows' },
  { pattern: /\bproject\s*$/, kind: 'projects' },
  { pattern: /\bgroup\s*$/, kind: 'groups' },
  { pattern: new RegExp(String.raw`\btask\.type${VALUE_BEFORE}`), kind: 'taskTypes' },
];
const STATUS_CONTEXT = new RegExp(String.raw`\b(quote_request|opportunity|intake_measure)\.status${VALUE_BEFORE}`);

/** The kind of name the quoted text at `offset` holds, or undefined when the cursor is not inside such a text. */
export function quotedNameAt(source: string, offset: number): QuotedName | undefined {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const line = before.slice(lineStart);
  const quotes = [...line.matchAll(/"/g)].map((match) => match.index);
  if (quotes.length % 2 === 0) return undefined;
  const open = quotes.at(-1)!;
  const lead = line.slice(0, open);
  const from = lineStart + open + 1;
  const typed = line.slice(open + 1);
  const status = STATUS_CONTEXT.exec(lead);
  if (status) return { kind: 'statuses', statusKind: status[1] as StatusKind, from, typed };
  const context = CONTEXTS.find(({ pattern }) => pattern.test(lead));
  return context ? { kind: context.kind, from, typed } : undefined;
}

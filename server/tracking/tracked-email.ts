import { randomBytes } from 'node:crypto';

const TOKEN_BYTES = 16;
/** Random bytes fetched for 256 tokens at a time (one call per token was a measurable part of a campaign's send step); each byte is used once. */
const POOL_SIZE = TOKEN_BYTES * 256;
let pool = Buffer.alloc(0);
let used = POOL_SIZE;

/** A random, unguessable token (22 URL-safe characters). */
export function newToken(): string {
  if (used === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + TOKEN_BYTES);
  used += TOKEN_BYTES;
  return token;
}

const LINK = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(https?:\/\/[^"'\s]+)\2/gi;

function unescapeHtml(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/**
 * Rewrites every http(s) link of an HTML body through `tokenFor(originalUrl)` (except `keep`,
 * e.g. the unsubscribe address, which must work as it is) and appends the open pixel.
 */
export function trackHtml(html: string, tokenFor: (url: string) => string, pixelUrl: string, keep: ReadonlySet<string>): string {
  const rewritten = html.replace(LINK, (whole, start: string, quote: string, href: string) => {
    const url = unescapeHtml(href);
    if (keep.has(url)) return whole;
    return `${start}${quote}${tokenFor(url)}${quote}`;
  });
  const pixel = `<img src="${pixelUrl}" width="1" height="1" alt="" style="display:none">`;
  return /<\/body>/i.test(rewritten) ? rewritten.replace(/<\/body>/i, `${pixel}</body>`) : `${rewritten}${pixel}`;
}

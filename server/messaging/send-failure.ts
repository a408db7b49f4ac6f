/**
 * Whether a transport error is a permanent refusal: an SMTP reply in the 5xx range (RFC 5321),
 * e.g. 550 "no such user". Replies in the 4xx range, time-outs and refused connections are
 * temporary and retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

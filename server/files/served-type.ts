import { fileTypeFromBuffer } from 'file-type';

/** Types a browser would run or render as a page from our origin: never served as such. */
const ACTIVE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/javascript', 'application/javascript', 'application/xml', 'text/xml', 'application/x-shockwave-flash']);

/**
 * The content type a stored file is served with: read from its bytes (`file-type`), never the
 * uploader's claim; unknown bytes and anything a browser would execute are plain downloads.
 */
export async function servedType(content: Uint8Array): Promise<string> {
  const detected = (await fileTypeFromBuffer(content))?.mime;
  return detected && !ACTIVE_TYPES.has(detected) ? detected : 'application/octet-stream';
}

/** Headers that keep a served file from acting as a page of the service, whatever it holds. */
export const FILE_RESPONSE_HEADERS = {
  'content-security-policy': "sandbox; default-src 'none'",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
};

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

/** Image types an e-mail client shows; SVG is left out (it can carry script). */
export const EMAIL_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** The image type the bytes show, or undefined when they are not an image an e-mail can show. */
export async function imageType(content: Uint8Array): Promise<string | undefined> {
  const detected = (await fileTypeFromBuffer(content))?.mime;
  return detected && EMAIL_IMAGE_TYPES.includes(detected) ? detected : undefined;
}

export interface ImageTypeProblem {
  code: 'file.not_image' | 'file.type_mismatch';
  params: Record<string, string>;
  message: string;
}

/** Why an upload cannot be an e-mail image: its bytes are no image, or not the image type the uploader claims. */
export function imageTypeProblem(detected: string | undefined, claimed: string): ImageTypeProblem | undefined {
  if (!detected) return { code: 'file.not_image', params: { types: 'PNG, JPEG, GIF, WebP' }, message: 'the content is not a PNG, JPEG, GIF or WebP image' };
  const claim = claimed.toLowerCase().replace('image/jpg', 'image/jpeg');
  if (claim && claim !== 'application/octet-stream' && claim !== detected) {
    return { code: 'file.type_mismatch', params: { claimed, detected }, message: `the file says it is ${claimed} but its content is ${detected}` };
  }
  return undefined;
}

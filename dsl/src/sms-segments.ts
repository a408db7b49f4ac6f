// How an SMS text is counted, as the sending code stores it on the message and as the editors show
// it while typing: one implementation for the service and the admin UI.

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** Characters of the GSM-7 extension table: each takes two septets (an escape and the character). */
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2): what the limits below are counted in. */
  units: number;
  segments: number;
  /** Units one segment holds at this length: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
  /** Units left in the last segment before another one starts. */
  remaining: number;
  /** The first character that forces UCS-2, when the text has one. */
  unicodeCharacter?: string;
}

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = { gsm7: { single: 160, part: 153 }, ucs2: { single: 70, part: 67 } };

/**
 * Counts a text as a network sends it: GSM-7 when every character is in the GSM alphabet (160
 * septets in one message, 153 per part of a longer one), otherwise UCS-2 (70, or 67 per part).
 */
export function smsCount(text: string): SmsCount {
  let septets = 0;
  let unicodeCharacter: string | undefined;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENDED.has(char)) septets += 2;
    else {
      unicodeCharacter = char;
      break;
    }
  }
  const encoding: SmsEncoding = unicodeCharacter === undefined ? 'gsm7' : 'ucs2';
  const units = encoding === 'gsm7' ? septets : text.length; // UTF-16 code units, as UCS-2 counts them
  const { single, part } = LIMITS[encoding];
  const segments = units <= single ? 1 : Math.ceil(units / part);
  const perSegment = segments === 1 ? single : part;
  return { encoding, units, segments, perSegment, remaining: segments * perSegment - units, ...(unicodeCharacter === undefined ? {} : { unicodeCharacter }) };
}

/** How many SMS segments a text takes. */
export function smsSegments(text: string): number {
  return smsCount(text).segments;
}

import { describe, expect, it } from '@jest/globals';
import { smsCount, smsSegments } from './sms-segments.js';

describe('smsSegments', () => {
  it.each([
    ['a'.repeat(160), 1],
    ['a'.repeat(161), 2],
    ['a'.repeat(306), 2],
    ['a'.repeat(307), 3],
    ['€'.repeat(80), 1],
    ['€'.repeat(81), 2],
    ['😀'.repeat(35), 1],
    ['😀'.repeat(36), 2],
    ['é'.repeat(160), 1],
  ])('%s… takes %d segment(s)', (text, n) => {
    expect(smsSegments(text)).toBe(n);
  });
});

describe('smsCount', () => {
  it('counts GSM-7 in septets, the extension table twice', () => {
    expect(smsCount('Hallo {}')).toEqual({ encoding: 'gsm7', units: 10, segments: 1, perSegment: 160, remaining: 150 });
    expect(smsCount('a'.repeat(161))).toMatchObject({ encoding: 'gsm7', units: 161, segments: 2, perSegment: 153, remaining: 145 });
  });

  it('switches the whole text to UCS-2 for one character outside the GSM alphabet, and names it', () => {
    expect(smsCount('Groetjes ✓')).toEqual({ encoding: 'ucs2', units: 10, segments: 1, perSegment: 70, remaining: 60, unicodeCharacter: '✓' });
    expect(smsCount(`${'a'.repeat(70)}ł`)).toMatchObject({ encoding: 'ucs2', units: 71, segments: 2, perSegment: 67, remaining: 63 });
  });

  it('counts an empty text as one empty segment', () => {
    expect(smsCount('')).toEqual({ encoding: 'gsm7', units: 0, segments: 1, perSegment: 160, remaining: 160 });
  });
});

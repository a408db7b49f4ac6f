import { describe, expect, it } from '@jest/globals';
import { languageOf } from './request-language.js';

describe('languageOf (Accept-Language)', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-NL', 'nl'],
    ['de-DE, en;q=0.5', 'en'],
    ['fr', 'nl'],
    ['en;q=0.4, nl;q=0.8', 'nl'],
    ['nl;q=0, en', 'en'],
    ['EN-us', 'en'],
  ])('%j → %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

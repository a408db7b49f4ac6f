import { describe, expect, it } from '@jest/globals';
import { plainTextOf } from './plain-text.js';

describe('plainTextOf', () => {
  it('keeps paragraphs, link addresses and alternative text; drops styles, scripts and the open pixel', () => {
    const html = '<html><head><style>p { color: red }</style></head><body><p>Beste Anna,</p><p>Lees <a href="https://example.nl/l/abc">ons aanbod</a>.</p>'
      + '<img src="https://example.nl/logo.png" alt="Energieloket"><img src="https://example.nl/o/pixel" alt=""><script>alert(1)</script></body></html>';
    expect(plainTextOf(html)).toBe('Beste Anna,\n\nLees ons aanbod [https://example.nl/l/abc].\n\nEnergieloket');
  });

  it('writes a link whose text is its address once', () => {
    expect(plainTextOf('<a href="https://example.nl">https://example.nl</a>')).toBe('https://example.nl');
  });
});

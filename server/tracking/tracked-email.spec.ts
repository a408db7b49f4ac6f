import { beforeEach, describe, expect, it } from '@jest/globals';
import { trackHtml } from './tracked-email.js';

describe('trackHtml', () => {
  let n = 0;
  const tokenFor = (url: string) => `https://t.example/l/${++n}?${encodeURIComponent(url)}`;
  beforeEach(() => { n = 0; });

  it('rewrites http(s) links, keeps others and the unsubscribe link, and appends the pixel', () => {
    const html = `<p><a href="https://shop.example/a?x=1&amp;y=2">A</a> <a class="b" href='http://b.example'>B</a>
      <a href="mailto:x@y.z">M</a> <a href="https://t.example/u/abc">Afmelden</a></p>`;
    const out = trackHtml(html, tokenFor, 'https://t.example/o/p', new Set(['https://t.example/u/abc']));
    expect(out).toContain(`href="https://t.example/l/1?${encodeURIComponent('https://shop.example/a?x=1&y=2')}"`);
    expect(out).toContain(`href='https://t.example/l/2?${encodeURIComponent('http://b.example')}'`);
    expect(out).toContain('href="mailto:x@y.z"');
    expect(out).toContain('href="https://t.example/u/abc"');
    expect(out.endsWith('<img src="https://t.example/o/p" width="1" height="1" alt="" style="display:none">')).toBe(true);
  });

  it('puts the pixel before </body>', () => {
    const out = trackHtml('<html><body><p>Hoi</p></body></html>', tokenFor, 'P', new Set());
    expect(out).toBe('<html><body><p>Hoi</p><img src="P" width="1" height="1" alt="" style="display:none"></body></html>');
  });
});

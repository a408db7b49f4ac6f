import { embedSnippet } from './embed-snippet';

const labels = { email: 'E-mailadres', firstName: 'Voornaam', lastName: 'Achternaam', mobile: 'Mobiel', message: 'Bericht', submit: 'Versturen' };

describe('embedSnippet', () => {
  it('posts to the public address with the field names the service knows', () => {
    const html = embedSnippet('https://stroom.example/f/contact-me', labels);
    const form = new DOMParser().parseFromString(html, 'text/html').querySelector('form')!;
    expect(form.getAttribute('action')).toBe('https://stroom.example/f/contact-me');
    expect(form.getAttribute('method')).toBe('post');
    expect([...form.querySelectorAll('[name]')].map((e) => e.getAttribute('name'))).toEqual(['email', 'firstName', 'lastName', 'mobile', 'message']);
    expect(form.querySelector('[name=email]')!.hasAttribute('required')).toBe(true);
  });

  it('escapes the address and the labels', () => {
    const html = embedSnippet('https://x.example/f/a"b', { ...labels, submit: '<Verstuur>' });
    expect(html).toContain('action="https://x.example/f/a&quot;b"');
    expect(html).toContain('&lt;Verstuur>');
  });
});

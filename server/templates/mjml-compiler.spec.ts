import { describe, expect, it } from '@jest/globals';
import { compileMjml, GMAIL_CLIP_BYTES } from './mjml-compiler.js';

const wrap = (column: string) => `<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n${column}\n</mj-column>\n</mj-section>\n</mj-body>\n</mjml>`;

describe('compileMjml', () => {
  it('compiles to responsive HTML and leaves Liquid for the send', async () => {
    const compiled = await compileMjml(wrap('<mj-text>Hallo {{ person.first_name }}{% if company %} van {{ company.name }}{% endif %}</mj-text>'));
    expect(compiled.errors).toEqual([]);
    expect(compiled.html).toContain('Hallo {{ person.first_name }}{% if company %} van {{ company.name }}{% endif %}');
    expect(compiled.html).toContain('@media only screen and (min-width:480px)');
  });

  it('gives every problem with its line and tag, and no HTML', async () => {
    const compiled = await compileMjml(wrap('<mj-text>Goed</mj-text>\n<mj-button kleur="rood">Knop</mj-button>\n<mj-plaatje src="x.png"></mj-plaatje>'));
    expect(compiled.html).toBeUndefined();
    expect(compiled.errors).toEqual([
      { line: 6, tagName: 'mj-button', message: expect.stringContaining('kleur') },
      { line: 7, tagName: 'mj-plaatje', message: expect.stringContaining('mj-plaatje') },
    ]);
  });

  it('refuses what is not MJML at all', async () => {
    const compiled = await compileMjml('<p>Gewoon HTML</p>');
    expect(compiled.html).toBeUndefined();
    expect(compiled.errors[0]!.line).toBe(1);
  });

  it('reads no files: mj-include is ignored', async () => {
    const compiled = await compileMjml(wrap('<mj-include path="/etc/passwd" />\n<mj-text>Hallo</mj-text>'));
    expect(compiled.html ?? '').not.toContain('root:');
  });

  it('warns about images without alternative text and e-mails Gmail clips', async () => {
    const compiled = await compileMjml(wrap(`<mj-image src="https://example.nl/a.png"></mj-image>\n<mj-image alt="Logo" src="https://example.nl/b.png"></mj-image>\n<mj-text>${'x'.repeat(GMAIL_CLIP_BYTES)}</mj-text>`));
    expect(compiled.warnings).toEqual([
      { line: 5, tagName: 'mj-image', message: expect.stringContaining('alt') },
      { line: null, message: expect.stringContaining('Gmail') },
    ]);
  });
});

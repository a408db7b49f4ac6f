import { compile } from 'html-to-text';

/**
 * The converter, compiled once: `convert` compiles its options (the selectors) on every call, which
 * was about a seventh of the CPU time of sending a campaign's e-mails.
 */
const toPlainText = compile({
  wordwrap: 78,
  formatters: {
    altText: (elem, _walk, builder) => {
      const alt = (elem.attribs as Record<string, string | undefined>).alt?.trim();
      if (alt) builder.addInline(alt);
    },
  },
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'altText' },
  ],
});

/**
 * The plain-text part of an e-mail, made from its HTML: for readers and clients that show no HTML,
 * and because spam filters distrust HTML-only mail. Links keep their address (the tracked one in a
 * sent e-mail); images give only their alternative text, so the open pixel leaves no trace.
 */
export function plainTextOf(html: string): string {
  return toPlainText(html).trim();
}

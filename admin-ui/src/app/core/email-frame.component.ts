import { Component, computed, inject, input } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

/**
 * Loads nothing, from anywhere (no open pixel, no remote image or font; inline styles stay), and
 * gives links a target that a sandbox without popups refuses: viewing a sent e-mail must not count
 * as the recipient opening it, nor a click in it as theirs. In the document itself, so that it
 * also binds the browser's speculative loads, which the page's own policy did not always stop.
 */
const GUARD = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><base target="_blank">`;

/** The e-mail's HTML with the guard at the start of its head (or of the document, when it has none). */
export function inertEmail(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return GUARD + html;
  const end = head.index + head[0].length;
  return html.slice(0, end) + GUARD + html.slice(end);
}

/**
 * An e-mail's HTML as it is (or would be) sent, inline styles included, in a frame that is
 * sandboxed to the hilt (`sandbox=""`: no scripts, no forms, no popups or navigation of the page,
 * an origin of its own). The sandbox is what keeps the page safe, so Angular's sanitizer, which
 * would strip every `style` attribute an e-mail depends on, is bypassed here and only here.
 */
@Component({
  selector: 'st-email-frame',
  styles: `iframe { display: block; width: 100%; height: var(--email-frame-height, 360px); border: 1px solid #ccc; background: white; }`,
  template: `<iframe [title]="label()" sandbox="" [srcdoc]="trusted()" data-email-frame></iframe>`,
})
export class EmailFrameComponent {
  private readonly sanitizer = inject(DomSanitizer);
  readonly html = input.required<string>();
  /** The frame's accessible name. */
  readonly label = input.required<string>();
  readonly trusted = computed(() => this.sanitizer.bypassSecurityTrustHtml(inertEmail(this.html())));
}

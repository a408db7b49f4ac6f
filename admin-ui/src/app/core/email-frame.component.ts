import { Component, computed, inject, input } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';

/**
 * An e-mail's HTML exactly as it is (or would be) sent, inline styles included, in a frame that is
 * sandboxed to the hilt (`sandbox=""`: no scripts, no forms, no popups or navigation of the page,
 * an origin of its own). The sandbox is what keeps the page safe, so Angular's sanitizer, which
 * would strip every `style` attribute an e-mail depends on, is bypassed here and only here. Under
 * the service's CSP nothing loads in the frame either: viewing never fires an open pixel.
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
  readonly trusted = computed(() => this.sanitizer.bypassSecurityTrustHtml(this.html()));
}

import { Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { smsCount } from '@stroom/dsl';

/**
 * Characters and SMS parts of a text, counted exactly as the service counts what it sends (the
 * same function): GSM-7 (160, or 153 per part) unless one character needs UCS-2 (70, or 67).
 */
@Component({
  selector: 'st-sms-counter',
  imports: [TranslocoPipe],
  styles: `
    :host { display: block; }
    p { margin: 2px 0; }
    .ucs2 { color: #7a4f01; }
  `,
  template: `
    @let c = count();
    <p [attr.data-sms-count]="label()" aria-live="polite">
      @if (label()) { <strong>{{ label() }}:</strong>&ngsp; }
      {{ (c.segments === 1 ? 'content.sms.count' : 'content.sms.countMany') | transloco: { n: c.units, segments: c.segments, encoding: ('content.encodings.' + c.encoding | transloco) } }}
      · {{ 'content.sms.left' | transloco: { n: c.remaining } }}
    </p>
    @if (c.unicodeCharacter) { <p class="ucs2" data-sms-unicode>{{ 'content.sms.unicode' | transloco: { char: c.unicodeCharacter } }}</p> }
  `,
})
export class SmsCounterComponent {
  readonly text = input.required<string>();
  /** Whose count this is ("Typed", "On this person"); none for a single counter. */
  readonly label = input('');
  readonly count = computed(() => smsCount(this.text()));
}

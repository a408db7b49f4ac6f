import { Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Language } from './dictionary';
import { LanguageChoice } from './language-choice';

/** NL | EN: each language named in itself, so whoever does not read the current one still finds their own. */
@Component({
  selector: 'st-language-switch',
  imports: [MatButtonToggleModule, TranslocoPipe],
  styles: `mat-button-toggle-group { --mat-button-toggle-height: 32px; font-size: 13px; }`,
  template: `
    <mat-button-toggle-group hideSingleSelectionIndicator [value]="choice.current()" (change)="use($event.value)" [attr.aria-label]="'language.label' | transloco">
      @for (lang of languages; track lang.code) {
        <mat-button-toggle [value]="lang.code" [attr.lang]="lang.code" [aria-label]="lang.name">{{ lang.code.toUpperCase() }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
})
export class LanguageSwitchComponent {
  readonly choice = inject(LanguageChoice);
  readonly languages: { code: Language; name: string }[] = [{ code: 'nl', name: 'Nederlands' }, { code: 'en', name: 'English' }];

  use(lang: Language): void {
    void this.choice.use(lang);
  }
}

import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LANGUAGES, type Language } from './dictionary';

const STORAGE_KEY = 'stroom.language';

/** The UI's language: Dutch unless the user chose otherwise; remembered in localStorage and set on `<html lang>`. */
@Injectable({ providedIn: 'root' })
export class LanguageChoice {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  /** Changes only once the language's texts are loaded, so code that translates on it never sees a missing text. */
  readonly current = signal<Language>('nl');

  /** The remembered choice, at start. */
  restore(): Promise<void> {
    const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
    return this.use(LANGUAGES.find((lang) => lang === stored) ?? 'nl');
  }

  async use(lang: Language): Promise<void> {
    await firstValueFrom(this.transloco.load(lang));
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
    this.document.defaultView?.localStorage.setItem(STORAGE_KEY, lang);
    this.current.set(lang);
  }
}

import { Injectable, isDevMode, type EnvironmentProviders, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TitleStrategy } from '@angular/router';
import { provideTransloco, provideTranslocoMissingHandler, type Translation, type TranslocoLoader, type TranslocoMissingHandler } from '@jsverse/transloco';
import { LANGUAGES, type Language } from './dictionary';
import { nl } from './nl';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';
import { TranslatedTitleStrategy } from './translated-title-strategy';

/** Dutch is in the main bundle (it is the default); English is fetched as a chunk of its own when first chosen. */
const DICTIONARIES: Record<Language, () => Promise<Translation>> = {
  nl: async () => nl,
  en: async () => (await import('./en')).en,
};

@Injectable({ providedIn: 'root' })
export class InlineDictionaryLoader implements TranslocoLoader {
  getTranslation(lang: string): Promise<Translation> {
    return (DICTIONARIES[lang as Language] ?? DICTIONARIES.nl)();
  }
}

/** A code the texts do not know yet (a new status from the server) shows as itself: `participantStatus.paused` as "paused". */
@Injectable({ providedIn: 'root' })
export class ShowCodeOfMissingText implements TranslocoMissingHandler {
  handle(key: string): string {
    return key.slice(key.lastIndexOf('.') + 1);
  }
}

/** Transloco with the inline dictionaries, plus the paginator's and the page title's texts in the chosen language. */
export function provideTranslations(): (Provider | EnvironmentProviders)[] {
  return [
    provideTransloco({
      config: { availableLangs: [...LANGUAGES], defaultLang: 'nl', fallbackLang: 'nl', reRenderOnLangChange: true, prodMode: !isDevMode() },
      loader: InlineDictionaryLoader,
    }),
    provideTranslocoMissingHandler(ShowCodeOfMissingText),
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ];
}

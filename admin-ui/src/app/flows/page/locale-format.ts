import { Pipe, type PipeTransform, inject } from '@angular/core';
import { LanguageChoice } from '../../i18n/language-choice';

/** The browser locale that writes numbers and dates the way the UI's language does. */
export function localeOf(lang: string): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}

/**
 * A count or a rate written the chosen language's way (1.250 and 12,5% in Dutch; 1,250 and 12.5% in
 * English). Angular's number pipes follow one fixed locale, not the language switched at runtime.
 */
@Pipe({ name: 'stNumber', pure: false })
export class LocaleNumberPipe implements PipeTransform {
  private readonly language = inject(LanguageChoice);

  transform(value: number, style: 'count' | 'percent' = 'count'): string {
    const options: Intl.NumberFormatOptions = style === 'percent' ? { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 } : {};
    return value.toLocaleString(localeOf(this.language.current()), options);
  }
}

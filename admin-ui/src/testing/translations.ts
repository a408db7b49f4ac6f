import { TestBed } from '@angular/core/testing';
import { LanguageChoice } from '../app/i18n/language-choice';
import { provideTranslations } from '../app/i18n/translations';

/** The app's own translation setup for a component test, started in Dutch as the app starts. */
export const testTranslations = provideTranslations;

/** Loads Dutch (call after configureTestingModule, before creating the component). */
export async function startInDutch(): Promise<void> {
  localStorage.clear();
  await TestBed.inject(LanguageChoice).use('nl');
}

/** Lets signals, effects and pending promises settle, then renders. */
export async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }): Promise<void> {
  await fixture.whenStable();
  fixture.detectChanges();
  await fixture.whenStable();
}

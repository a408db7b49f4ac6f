import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, inject, provideAppInitializer, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { acceptLanguageInterceptor } from './core/accept-language.interceptor';
import { signedOutInterceptor } from './core/signed-out.interceptor';
import { LanguageChoice } from './i18n/language-choice';
import { provideTranslations } from './i18n/translations';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([acceptLanguageInterceptor, signedOutInterceptor])),
    provideTranslations(),
    // The first page shows in the remembered language, without a flash of the other one.
    provideAppInitializer(() => inject(LanguageChoice).restore()),
  ],
};

import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageChoice } from '../i18n/language-choice';

/** Every API call asks for the UI's language, so the server's messages (errors at their fields) come in it. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  const language = inject(LanguageChoice).current();
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};

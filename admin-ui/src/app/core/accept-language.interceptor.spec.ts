import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { startInDutch, testTranslations } from '../../testing/translations';
import { LanguageChoice } from '../i18n/language-choice';
import { acceptLanguageInterceptor } from './accept-language.interceptor';
import { fieldErrors } from './api';

describe('the Accept-Language of API calls', () => {
  afterEach(() => localStorage.clear());

  it('asks the API for the chosen language, and leaves other addresses alone', async () => {
    TestBed.configureTestingModule({
      providers: [testTranslations(), provideHttpClient(withInterceptors([acceptLanguageInterceptor])), provideHttpClientTesting()],
    });
    await startInDutch();
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);

    void firstValueFrom(http.get('/api/persons'));
    expect(backend.expectOne('/api/persons').request.headers.get('Accept-Language')).toBe('nl');

    await TestBed.inject(LanguageChoice).use('en');
    void firstValueFrom(http.get('/api/persons'));
    expect(backend.expectOne('/api/persons').request.headers.get('Accept-Language')).toBe('en');

    void firstValueFrom(http.get('/assets/i18n.json'));
    expect(backend.expectOne('/assets/i18n.json').request.headers.has('Accept-Language')).toBe(false);
  });
});

describe('fieldErrors', () => {
  it('shows each issue at its field, and a message naming one field without that name before it', () => {
    const issues = { error: { message: 'x', details: { issues: [{ field: 'body.delayDays', code: 'validation.min', params: { min: 0 }, message: 'minimaal 0' }] } } };
    expect(fieldErrors(issues)).toEqual({ delayDays: 'minimaal 0' });
    const named = { error: { message: 'templateKey: kies het e-mailsjabloon', details: { field: 'templateKey' } } };
    expect(fieldErrors(named)).toEqual({ templateKey: 'kies het e-mailsjabloon' });
  });
});

import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoPipe } from '@jsverse/transloco';
import { settle, startInDutch, testTranslations } from '../../testing/translations';
import { LanguageChoice } from './language-choice';
import { LanguageSwitchComponent } from './language-switch.component';

@Component({
  imports: [LanguageSwitchComponent, TranslocoPipe],
  template: `<st-language-switch /><p id="label">{{ 'workflows.sendReminder' | transloco }}</p><p id="unknown">{{ 'participantStatus.paused' | transloco }}</p>`,
})
class PageWithSwitch {}

async function render() {
  TestBed.configureTestingModule({ providers: [testTranslations()] });
  await startInDutch();
  const fixture = TestBed.createComponent(PageWithSwitch);
  await settle(fixture);
  return { fixture, root: fixture.nativeElement as HTMLElement };
}

const toggle = (root: HTMLElement, name: string) => root.querySelector(`button[aria-label="${name}"]`) as HTMLButtonElement;

describe('the language switch', () => {
  afterEach(() => localStorage.clear());

  it('starts in Dutch and changes the labels to English without a reload, and back', async () => {
    const { fixture, root } = await render();
    expect(root.querySelector('#label')?.textContent).toBe('Verstuur herinnering');
    expect(toggle(root, 'Nederlands').getAttribute('aria-checked')).toBe('true');

    toggle(root, 'English').click();
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('en'));
    await settle(fixture);
    expect(root.querySelector('#label')?.textContent).toBe('Send reminder');
    expect(toggle(root, 'English').getAttribute('aria-checked')).toBe('true');
    expect(TestBed.inject(MatPaginatorIntl).nextPageLabel).toBe('Next page');

    toggle(root, 'Nederlands').click();
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('nl'));
    await settle(fixture);
    expect(root.querySelector('#label')?.textContent).toBe('Verstuur herinnering');
    expect(TestBed.inject(MatPaginatorIntl).nextPageLabel).toBe('Volgende pagina');
  });

  it('remembers the choice for the next start', async () => {
    const { root } = await render();
    toggle(root, 'English').click();
    await vi.waitFor(() => expect(localStorage.getItem('stroom.language')).toBe('en'));
    TestBed.inject(LanguageChoice).current.set('nl');
    await TestBed.inject(LanguageChoice).restore();
    expect(TestBed.inject(LanguageChoice).current()).toBe('en');
  });

  it('shows a code it has no text for as the code itself', async () => {
    const { root } = await render();
    expect(root.querySelector('#unknown')?.textContent).toBe('paused');
  });
});

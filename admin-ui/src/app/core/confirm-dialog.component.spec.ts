import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { startInDutch, testTranslations } from '../../testing/translations';
import { ConfirmDialogComponent, type ConfirmData } from './confirm-dialog.component';

const END_FLOW: ConfirmData = { title: 'flowPage.confirmEnd.title', text: 'flowPage.confirmEnd.text', confirm: 'flowPage.confirmEnd.confirm' };

/** Opens the dialog, presses the button with this text, and returns what the dialog closed with. */
async function answer(buttonText: string): Promise<unknown> {
  const ref = TestBed.inject(MatDialog).open(ConfirmDialogComponent, { data: END_FLOW });
  const closed = firstValueFrom(ref.afterClosed());
  const dialog = await vi.waitFor(() => {
    const found = document.querySelector('mat-dialog-container');
    if (!found?.querySelector('button')?.textContent?.trim()) throw new Error('dialog not rendered yet');
    return found as HTMLElement;
  });
  expect(dialog.querySelector('h2')?.textContent).toBe('Flow beëindigen');
  expect(dialog.querySelector('mat-dialog-content')?.textContent).toContain('gaan nooit meer verder');
  const button = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === buttonText);
  button!.click();
  return closed;
}

describe('the confirm dialog', () => {
  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [testTranslations()] });
    await startInDutch();
  });

  it('names the action on its button and closes with true when confirmed', async () => {
    expect(await answer('Beëindigen')).toBe(true);
  });

  it('closes with false when cancelled', async () => {
    expect(await answer('Annuleren')).toBe(false);
  });
});

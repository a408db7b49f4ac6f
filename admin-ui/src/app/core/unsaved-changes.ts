import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialogComponent, type ConfirmData } from './confirm-dialog.component';

/** A form or page that can tell whether it holds changes not saved yet. */
export interface DirtyForm {
  isDirty(): boolean;
}

/** Whether a form's values differ from those last loaded or saved; an emptied field counts as empty. */
export function changedFrom<T extends object>(draft: T, loaded: T): boolean {
  const value = (v: unknown) => (v === '' || v === undefined ? null : v);
  return (Object.keys(draft) as (keyof T)[]).some((key) => value(draft[key]) !== value(loaded[key]));
}

const DISCARD: ConfirmData = { title: 'unsaved.title', text: 'unsaved.text', confirm: 'unsaved.confirm' };

/** "Wijzigingen weggooien?" when the form holds unsaved changes; true when there are none or they may go. */
export async function mayDiscard(dialog: MatDialog, form: DirtyForm | undefined): Promise<boolean> {
  if (!form?.isDirty()) return true;
  return (await firstValueFrom(dialog.open(ConfirmDialogComponent, { data: DISCARD }).afterClosed())) === true;
}

/** Leaving a page (another tab or page) asks first when the page holds unsaved changes. */
export const unsavedChanges: CanDeactivateFn<DirtyForm> = (page) => mayDiscard(inject(MatDialog), page);

/** A reload or closing the tab while the form is dirty: the browser asks with its own dialog. */
export function warnBeforeUnload(event: BeforeUnloadEvent, form: DirtyForm | undefined): void {
  if (!form?.isDirty()) return;
  event.preventDefault();
  event.returnValue = true; // older browsers ask only when this is set
}

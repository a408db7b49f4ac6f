import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialogComponent, type ConfirmData } from '../core/confirm-dialog.component';

/** A form that can tell whether it holds changes not saved yet. */
export interface DirtyForm {
  isDirty(): boolean;
}

/** Whether a form's values differ from those last loaded or saved; an emptied field counts as empty. */
export function changedFrom<T extends object>(draft: T, loaded: T): boolean {
  const value = (v: unknown) => (v === '' || v === undefined ? null : v);
  return (Object.keys(draft) as (keyof T)[]).some((key) => value(draft[key]) !== value(loaded[key]));
}

const DISCARD: ConfirmData = { title: 'workflowForms.discard.title', text: 'workflowForms.discard.text', confirm: 'workflowForms.discard.confirm' };

/** "Wijzigingen weggooien?" when the form holds unsaved changes; true when there are none or they may go. */
export async function mayDiscard(dialog: MatDialog, form: DirtyForm | undefined): Promise<boolean> {
  if (!form?.isDirty()) return true;
  return (await firstValueFrom(dialog.open(ConfirmDialogComponent, { data: DISCARD }).afterClosed())) === true;
}

/** Leaving the workflows page (another tab or page) asks first when the open form has unsaved changes. */
export const unsavedWorkflowChanges: CanDeactivateFn<{ mayLeave(): Promise<boolean> }> = (page) => page.mayLeave();


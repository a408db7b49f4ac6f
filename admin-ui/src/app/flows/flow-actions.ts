import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { ConfirmDialogComponent, type ConfirmData } from '../core/confirm-dialog.component';
import { NewFlowDialogComponent } from './new-flow-dialog.component';

/** What the actions need of a flow: any flow answer has it (one flow, a listed one). */
export type FlowRef = Pick<ApiSchema<'Flow'>, 'id' | 'name' | 'status'>;

const CONFIRM_REMOVE: ConfirmData = { title: 'flowActions.confirmRemove.title', text: 'flowActions.confirmRemove.text', confirm: 'flowActions.confirmRemove.confirm' };

/** What the flows overview and a flow's page both offer on a flow: new, open, edit, copy, delete. */
@Injectable({ providedIn: 'root' })
export class FlowActions {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** Asks a name, creates the flow (not running) and opens it in the designer. */
  async create(): Promise<void> {
    const id = await firstValueFrom(this.dialog.open(NewFlowDialogComponent, { width: '440px' }).afterClosed());
    if (id) await this.router.navigate(['/flows', id, 'edit']);
  }

  open(flow: FlowRef): Promise<boolean> {
    return this.router.navigate(['/flows', flow.id]);
  }

  edit(flow: FlowRef): Promise<boolean> {
    return this.router.navigate(['/flows', flow.id, 'edit']);
  }

  /** "<name> (kopie)": not running, the same steps and settings, no participants. */
  copy(flow: FlowRef): Promise<ApiSchema<'Flow'>> {
    return this.api.post<ApiSchema<'Flow'>>(`/api/flows/${flow.id}/copy`, {});
  }

  /** Deletes after a confirmation; false when cancelled. The server's refusal (a running flow) is thrown in words. */
  async remove(flow: FlowRef): Promise<boolean> {
    const data = { ...CONFIRM_REMOVE, params: { name: flow.name } };
    if ((await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data }).afterClosed())) !== true) return false;
    await this.api.delete(`/api/flows/${flow.id}`);
    return true;
  }
}

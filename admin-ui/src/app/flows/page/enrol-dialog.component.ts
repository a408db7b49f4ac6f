import { Component, DestroyRef, inject, signal } from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { FormsModule } from '@angular/forms';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { SelectionSearch, type SelectionRow } from './selection-search';
import { RecordPickerComponent, type PickedRecord } from '../../core/record-picker.component';

export interface EnrolDialogData {
  flowId: string;
  running: boolean;
}

type EnrolResult = ApiSchema<'FlowEnrolment'>;


/**
 * "Deelnemers toevoegen": chosen persons (found by name or address on the server) or a whole
 * selection go into the flow; the answer shows enrolled, queued and refused with each reason.
 * Closes with true when anyone was enrolled or queued, so the page reloads its figures.
 */
@Component({
  selector: 'st-enrol-dialog',
  imports: [FormsModule, MatAutocompleteModule, MatButtonModule, MatChipsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, RecordPickerComponent, TranslocoPipe],
  styles: `
    mat-radio-group { display: flex; gap: 16px; margin-bottom: 12px; }
    mat-form-field { width: 100%; }
    .result { margin-top: 12px; }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'flowPageWords.enrolDialog.title' | transloco }}</h2>
    <mat-dialog-content>
      @if (!data.running) { <p>{{ 'flowPageWords.enrolDialog.notRunning' | transloco }}</p> }
      <mat-radio-group [(ngModel)]="mode" name="mode" [attr.aria-label]="'flowPageWords.enrolDialog.title' | transloco">
        <mat-radio-button value="persons">{{ 'flowPageWords.enrolDialog.persons' | transloco }}</mat-radio-button>
        <mat-radio-button value="selection">{{ 'flowPageWords.enrolDialog.selection' | transloco }}</mat-radio-button>
      </mat-radio-group>
      @if (mode === 'persons') {
        <st-record-picker kind="person" name="person" [label]="'flowPageWords.enrolDialog.person' | transloco" (picked)="add($event)" />
        <mat-chip-set [attr.aria-label]="'flowPageWords.enrolDialog.chosen' | transloco" data-chosen>
          @for (p of persons(); track p.id) {
            <mat-chip (removed)="drop(p.id)">{{ p.label }}
              <button matChipRemove type="button" [attr.aria-label]="'flowPageWords.enrolDialog.removePerson' | transloco: { name: p.label }">✕</button>
            </mat-chip>
          } @empty { <span>{{ 'flowPageWords.enrolDialog.none' | transloco }}</span> }
        </mat-chip-set>
      } @else {
        <mat-form-field>
          <mat-label>{{ 'flowPageWords.enrolDialog.selectionName' | transloco }}</mat-label>
          <input matInput name="selection" [(ngModel)]="selectionText" (ngModelChange)="search.typed($event)" [matAutocomplete]="auto" autocomplete="off" data-selection />
          <mat-autocomplete #auto="matAutocomplete" [displayWith]="search.display" (optionSelected)="search.chosen.set($event.option.value)">
            @for (s of search.options(); track s.id) { <mat-option [value]="s">{{ s.name }}</mat-option> }
          </mat-autocomplete>
        </mat-form-field>
      }
      @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
      @if (result(); as r) {
        <div class="result" role="status" data-enrol-result>
          <p>{{ 'flowPageWords.enrolDialog.result' | transloco: { enrolled: r.enrolled, queued: r.queued, refused: r.refused.length } }}</p>
          @if (r.refused.length) {
            <h3>{{ 'flowPageWords.enrolDialog.refusedTitle' | transloco }}</h3>
            <ul>@for (x of r.refused; track x.personId) { <li>{{ nameOf(x.personId) }}: {{ 'refusalReason.' + x.reason | transloco }}</li> }</ul>
          }
        </div>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="done()">{{ (result() ? 'flowPageWords.enrolDialog.close' : 'flowPageWords.enrolDialog.cancel') | transloco }}</button>
      <button mat-flat-button type="button" (click)="submit()" [disabled]="busy() || !ready()" data-enrol-submit>{{ 'flowPageWords.enrolDialog.add' | transloco }}</button>
    </mat-dialog-actions>
  `,
})
export class EnrolDialogComponent {
  readonly data = inject<EnrolDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(Api);
  mode: 'persons' | 'selection' = 'persons';
  readonly search = new SelectionSearch(this.api, (message) => this.error.set(message));
  selectionText: string | SelectionRow = '';
  readonly persons = signal<PickedRecord[]>([]);
  readonly result = signal<EnrolResult | undefined>(undefined);
  readonly error = signal('');
  readonly busy = signal(false);
  private readonly names = new Map<string, string>();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.search.stop());
  }

  add(person: PickedRecord | null): void {
    if (!person || this.persons().some((p) => p.id === person.id)) return;
    this.names.set(person.id, person.label);
    this.persons.update((list) => [...list, person]);
  }

  drop(id: string): void {
    this.persons.update((list) => list.filter((p) => p.id !== id));
  }

  ready(): boolean {
    return this.mode === 'persons' ? this.persons().length > 0 : this.search.chosen() !== undefined;
  }

  /** True once anyone went in: the page then reloads. */
  done(): boolean {
    const r = this.result();
    return !!r && r.enrolled + r.queued > 0;
  }

  nameOf(personId: string): string {
    return this.names.get(personId) ?? personId;
  }

  async submit(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const body = this.mode === 'persons' ? { personIds: this.persons().map((p) => p.id) } : { selectionId: this.search.chosen()!.id };
      this.result.set(await this.api.post<EnrolResult>(`/api/flows/${this.data.flowId}/participants`, body));
      if (this.mode === 'persons') this.persons.set([]);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}

/** Opens the dialog for a flow; true when anyone was enrolled or queued. */
export async function openEnrolDialog(dialog: MatDialog, flow: { id: string; status: string }): Promise<boolean> {
  const data: EnrolDialogData = { flowId: flow.id, running: flow.status === 'running' };
  return (await firstValueFrom(dialog.open(EnrolDialogComponent, { data, width: '560px' }).afterClosed())) === true;
}

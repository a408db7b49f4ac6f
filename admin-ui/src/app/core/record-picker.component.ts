import { Component, DestroyRef, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api } from './api';
import type { ApiSchema } from './api-schema';

/** The record kinds a picker finds, by their DSL name. */
export const RECORD_KINDS = ['person', 'quote_request', 'opportunity', 'intake_measure', 'task'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface PickedRecord {
  type: RecordKind;
  id: string;
  /** What the picker shows: "Jan Jansen", "Offertezoek · Jan Jansen · Offerte aangevraagd". */
  label: string;
  /** A second line: a person's e-mail, a task's contact. */
  detail: string;
}

export type PersonRow = Pick<ApiSchema<'Person'>, 'id' | 'firstName' | 'lastName' | 'email'>;
/** A quote request, an opportunity or an intake measure: only a quote request has a kind. */
type PipelineRow = Pick<ApiSchema<'QuoteRequest'>, 'id' | 'status' | 'personId'> & Partial<Pick<ApiSchema<'QuoteRequest'>, 'kind'>>;
type TaskRow = Pick<ApiSchema<'Task'>, 'id' | 'title' | 'type' | 'contactId'>;
/** A page of found records of one kind, as its list answers. */
type FoundPage = ApiSchema<'PersonList'> | ApiSchema<'QuoteRequestList'> | ApiSchema<'OpportunityList'> | ApiSchema<'IntakeMeasureList'> | ApiSchema<'TaskList'>;
type FoundRow = FoundPage['items'][number];

const PATHS: Record<RecordKind, string> = {
  person: 'persons', quote_request: 'quote-requests', opportunity: 'opportunities', intake_measure: 'intake-measures', task: 'tasks',
};
const SEARCH_DELAY_MS = 250;
const SHOWN = 10;

export function personName(person: Pick<PersonRow, 'firstName' | 'lastName' | 'email'> | undefined): string {
  if (!person) return '';
  return [person.firstName, person.lastName].filter(Boolean).join(' ') || (person.email ?? '');
}

/** "Offertezoek - Offerte aangevraagd" of kind Offertezoek reads "Offerte aangevraagd" beside the kind. */
function statusWithoutKind(status: string, kind: string | undefined): string {
  return kind && status.startsWith(`${kind} - `) ? status.slice(kind.length + 3) : status;
}

/**
 * How a found record reads in the list: a person by name (e-mail under it); a quote request as
 * "Offertezoek · Jan Jansen · Offerte aangevraagd"; an opportunity or intake measure as person ·
 * status; a task by its title (type and contact under it). `persons` holds the persons they name.
 */
export function recordLabel(kind: RecordKind, row: Record<string, unknown>, persons: ReadonlyMap<string, PersonRow>): PickedRecord {
  if (kind === 'person') {
    const person = row as unknown as PersonRow;
    return { type: kind, id: person.id, label: personName(person), detail: person.email ?? '' };
  }
  if (kind === 'task') {
    const task = row as unknown as TaskRow;
    return { type: kind, id: task.id, label: task.title, detail: [task.type, personName(persons.get(task.contactId ?? ''))].filter(Boolean).join(' · ') };
  }
  const record = row as unknown as PipelineRow;
  const person = persons.get(record.personId ?? '');
  const label = [record.kind, personName(person), statusWithoutKind(record.status, record.kind)].filter(Boolean).join(' · ');
  return { type: kind, id: record.id, label, detail: person?.email ?? '' };
}

/**
 * A type-ahead search for one record by name: persons by name or e-mail, quote requests,
 * opportunities and intake measures by their person's name, kind or status, tasks by title or
 * contact. Searches the server (the list endpoints' `q`), so it works whatever the number of records.
 */
@Component({
  selector: 'st-record-picker',
  imports: [FormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  styles: `
    mat-form-field { width: 100%; }
    .detail { display: block; font-size: 12px; line-height: 14px; opacity: 0.75; }
    mat-option { line-height: 18px; }
  `,
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="search" [name]="name()" [(ngModel)]="text" (ngModelChange)="typed($event)" [matAutocomplete]="auto"
             [placeholder]="'recordPicker.placeholder.' + kind() | transloco" autocomplete="off" data-record-picker />
      <mat-hint>{{ 'recordPicker.hint' | transloco }}</mat-hint>
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="choose($event)">
        @for (r of results(); track r.id) {
          <mat-option [value]="r">{{ r.label }}@if (r.detail) {<span class="detail">{{ r.detail }}</span>}</mat-option>
        }
        @if (searched() && results().length === 0) {
          <mat-option disabled>{{ 'recordPicker.none' | transloco }}</mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
})
export class RecordPickerComponent {
  private readonly api = inject(Api);
  readonly kind = input.required<RecordKind>();
  /** The field's visible (and accessible) label. */
  readonly label = input.required<string>();
  readonly name = input('record');
  /** The chosen record, or null when the field is cleared. */
  readonly picked = output<PickedRecord | null>();
  readonly results = signal<PickedRecord[]>([]);
  readonly searched = signal(false);
  text: string | PickedRecord = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private search = 0;
  private readonly persons = new Map<string, PersonRow>();

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    // Another kind: what was found or chosen no longer fits.
    effect(() => {
      this.kind();
      this.text = '';
      this.results.set([]);
      this.searched.set(false);
    });
  }

  readonly display = (value: PickedRecord | string | null): string => (typeof value === 'string' ? value : (value?.label ?? ''));

  typed(value: string | PickedRecord): void {
    if (typeof value !== 'string') return;
    clearTimeout(this.timer);
    if (value.trim() === '') {
      this.results.set([]);
      this.searched.set(false);
      this.picked.emit(null);
      return;
    }
    this.timer = setTimeout(() => void this.find(value.trim()), SEARCH_DELAY_MS);
  }

  choose(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as PickedRecord);
  }

  private async find(q: string): Promise<void> {
    const search = ++this.search;
    const kind = this.kind();
    const page = await this.api.get<FoundPage>(`/api/${PATHS[kind]}`, { q, limit: SHOWN });
    const found = await this.described(kind, page.items);
    if (search !== this.search) return; // a later search answered first
    this.results.set(found);
    this.searched.set(true);
  }

  private async described(kind: RecordKind, rows: readonly FoundRow[]): Promise<PickedRecord[]> {
    if (kind !== 'person') await this.loadPersons(rows.map((row) => ('personId' in row ? row.personId : 'contactId' in row ? row.contactId : null)));
    return rows.map((row) => recordLabel(kind, row, this.persons));
  }

  /** The persons the found records name, each read once (at most ten at a time). */
  private async loadPersons(ids: (string | null)[]): Promise<void> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id && !this.persons.has(id)))];
    const rows = await Promise.all(wanted.map((id) => this.api.get<PersonRow>(`/api/persons/${id}`).catch(() => undefined)));
    for (const row of rows) if (row) this.persons.set(row.id, row);
  }
}

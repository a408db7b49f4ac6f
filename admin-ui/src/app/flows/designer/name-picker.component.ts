import { Component, inject, input, output, signal, viewChild } from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Api } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';

/** Collections a step names; the server searches them (`q`), so the picker works with thousands. */
export type NamedCollection = 'selections' | 'projects' | 'flows' | 'groups' | 'files' | 'employees';

/** A page of one of them, as its list answers. */
type NamedPage = ApiSchema<'SelectionList'> | ApiSchema<'ProjectList'> | ApiSchema<'FlowList'> | ApiSchema<'GroupList'> | ApiSchema<'StoredFilePage'> | ApiSchema<'EmployeeList'>;
type Named = NamedPage['items'][number];

interface Option {
  value: string;
  label: string;
}

/** An employee is named by e-mail address (as the DSL writes it), and shown with the name. */
function optionOf(collection: NamedCollection, item: Named): Option {
  const email = 'email' in item ? item.email : '';
  return collection === 'employees' ? { value: email, label: `${item.name} <${email}>` } : { value: item.name, label: item.name };
}

/**
 * A text field with type-ahead suggestions from the server: the name of a selection, project, flow,
 * group or file, or an employee's e-mail address. A name that does not exist yet may still be typed
 * (the check says so as a warning or error).
 */
@Component({
  selector: 'st-name-picker',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input matInput [value]="value()" [matAutocomplete]="auto" (input)="typed($event)" (focus)="typed($event)" (change)="changed($event)" [disabled]="disabled()" [name]="name()" />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="picked.emit($event.option.value)">
        @for (option of options(); track option.value) { <mat-option [value]="option.value">{{ option.label }}</mat-option> }
      </mat-autocomplete>
      @if (hint()) { <mat-hint>{{ hint() }}</mat-hint> }
    </mat-form-field>
  `,
  styles: `mat-form-field { width: 100%; }`,
})
export class NamePickerComponent {
  readonly collection = input.required<NamedCollection>();
  readonly label = input.required<string>();
  readonly value = input('');
  readonly name = input('name');
  readonly hint = input('');
  readonly disabled = input(false);
  readonly picked = output<string>();
  protected readonly options = signal<Option[]>([]);
  private readonly trigger = viewChild(MatAutocompleteTrigger);
  private readonly api = inject(Api);
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected typed(event: Event): void {
    const q = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(q), 200);
  }

  protected changed(event: Event): void {
    // Leaving the field keeps what was typed; a click on an option (the panel still open) emits through optionSelected.
    if (this.trigger()?.panelOpen) return;
    const value = (event.target as HTMLInputElement).value;
    if (value !== this.value()) this.picked.emit(value.trim());
  }

  private async search(q: string): Promise<void> {
    const collection = this.collection();
    try {
      const page = await this.api.get<NamedPage>(`/api/${collection}`, { q, limit: 20 });
      const items: readonly Named[] = page.items;
      this.options.set(items.map((item) => optionOf(collection, item)));
    } catch {
      this.options.set([]);
    }
  }
}

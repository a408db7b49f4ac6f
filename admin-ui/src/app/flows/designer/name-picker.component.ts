import { Component, inject, input, output, signal } from '@angular/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Api, type Page } from '../../core/api';

/** Collections a step names by their name; the server searches them (`q`), so the picker works with thousands. */
export type NamedCollection = 'selections' | 'projects' | 'flows';

/**
 * A text field with type-ahead suggestions from the server: the name of a selection, project or
 * flow. A name that does not exist yet may still be typed (the check says so as a warning or error).
 */
@Component({
  selector: 'st-name-picker',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input matInput [value]="value()" [matAutocomplete]="auto" (input)="typed($event)" (change)="changed($event)" [disabled]="disabled()" [name]="name()" />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="picked.emit($event.option.value)">
        @for (option of options(); track option) { <mat-option [value]="option">{{ option }}</mat-option> }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `mat-form-field { width: 100%; }`,
})
export class NamePickerComponent {
  readonly collection = input.required<NamedCollection>();
  readonly label = input.required<string>();
  readonly value = input('');
  readonly name = input('name');
  readonly disabled = input(false);
  readonly picked = output<string>();
  protected readonly options = signal<string[]>([]);
  private readonly api = inject(Api);
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected typed(event: Event): void {
    const q = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(q), 200);
  }

  protected changed(event: Event): void {
    // Leaving the field keeps what was typed; picking an option emits through optionSelected.
    const value = (event.target as HTMLInputElement).value;
    if (value !== this.value()) this.picked.emit(value.trim());
  }

  private async search(q: string): Promise<void> {
    try {
      const page = await this.api.get<Page<{ name: string }>>(`/api/${this.collection()}`, { q, limit: 20 });
      this.options.set(page.items.map((item) => item.name));
    } catch {
      this.options.set([]);
    }
  }
}

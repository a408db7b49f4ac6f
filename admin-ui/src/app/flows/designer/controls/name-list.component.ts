import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { NamePickerComponent, type NamedCollection } from '../name-picker.component';

/** One change of a list: the name at `index` set, removed (''), or added (index = the list's length). */
export interface NameListChange {
  index: number;
  name: string;
}

/**
 * A list of names picked by type-ahead (attachments, employees, exclusion lists): each with a
 * remove button, and an empty picker after them that adds one more.
 */
@Component({
  selector: 'st-name-list',
  imports: [MatButtonModule, NamePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @for (item of names(); track $index; let i = $index) {
      <div class="row">
        <st-name-picker [collection]="collection()" [label]="itemKey() | transloco: { n: i + 1 }" [value]="item"
          (picked)="changed.emit({ index: i, name: $event.trim() })" [name]="name() + i" [disabled]="disabled()" />
        <button mat-button type="button" (click)="changed.emit({ index: i, name: '' })" [disabled]="disabled()"
          [attr.aria-label]="removeKey() | transloco: { n: i + 1 }">×</button>
      </div>
    }
    <!-- A fresh empty picker after each addition. -->
    @for (count of [names().length]; track count) {
      <st-name-picker [collection]="collection()" [label]="(count === 0 ? firstAddKey() || addKey() : addKey()) | transloco" value="" [hint]="hint()"
        (picked)="add(count, $event)" [name]="name() + 'New'" [disabled]="disabled()" />
    }
  `,
})
export class NameListComponent {
  readonly collection = input.required<NamedCollection>();
  readonly names = input.required<readonly string[]>();
  /** Translation keys: an item's label and its remove button (both get `n`), and the add picker's label (the first one's may differ). */
  readonly itemKey = input.required<string>();
  readonly removeKey = input.required<string>();
  readonly addKey = input.required<string>();
  readonly firstAddKey = input('');
  readonly hint = input('');
  readonly name = input('item');
  readonly disabled = input(false);
  readonly changed = output<NameListChange>();

  protected add(index: number, name: string): void {
    if (name.trim()) this.changed.emit({ index, name: name.trim() });
  }
}

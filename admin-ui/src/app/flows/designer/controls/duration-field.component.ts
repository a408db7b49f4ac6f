import { Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Duration, TimeUnit } from '@stroom/dsl';

/** The units a marketer picks from: a flow waits hours at least (minutes stay for the DSL text). */
export const DESIGNER_UNITS: readonly TimeUnit[] = ['hours', 'days', 'workdays', 'weeks'];

/** An amount and its unit (hours, days, workdays, weeks): one duration. */
@Component({
  selector: 'st-duration-field',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <div class="row">
      <mat-form-field>
        <mat-label>{{ label() }}</mat-label>
        <input matInput type="number" min="1" step="1" [value]="duration().amount" (change)="amountTyped($event)" [name]="name()" [disabled]="disabled()" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'designer.fields.unit' | transloco }}</mat-label>
        <mat-select [value]="duration().unit" (selectionChange)="changed.emit({ amount: duration().amount, unit: $event.value })" [disabled]="disabled()">
          @for (u of unitsShown(); track u) { <mat-option [value]="u">{{ 'designer.units.' + u | transloco }}</mat-option> }
        </mat-select>
      </mat-form-field>
    </div>
  `,
})
export class DurationFieldComponent {
  readonly duration = input.required<Duration>();
  readonly label = input.required<string>();
  readonly name = input('amount');
  readonly disabled = input(false);
  /** Only the units this setting allows (a follow-up waits days, workdays or weeks). */
  readonly units = input<readonly TimeUnit[]>(DESIGNER_UNITS);
  readonly changed = output<Duration>();

  /** A unit written in the text that the menu does not offer (minutes) stays choosable. */
  protected unitsShown(): readonly TimeUnit[] {
    const unit = this.duration().unit;
    return this.units().includes(unit) ? this.units() : [...this.units(), unit];
  }

  protected amountTyped(event: Event): void {
    const amount = Math.max(1, Math.round(Number((event.target as HTMLInputElement).value) || 1));
    this.changed.emit({ amount, unit: this.duration().unit });
  }
}

import { Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Party, Role } from '@stroom/dsl';
import { NamePickerComponent } from '../name-picker.component';

/**
 * Who receives, owns or is assigned: one of the roles the setting allows (our contact, automatic, …)
 * or a named one: an employee's e-mail address, or (for a notification) any address or number.
 */
@Component({
  selector: 'st-party-field',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, NamePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="choice()" (selectionChange)="choose($event.value)" [disabled]="disabled()">
        @if (optional()) { <mat-option value="none">{{ 'designerForms.sale.ownerNone' | transloco }}</mat-option> }
        @for (r of roles(); track r) { <mat-option [value]="r">{{ 'designer.recipients.' + r | transloco }}</mat-option> }
        <mat-option value="address">{{ 'designer.recipients.' + other() | transloco }}</mat-option>
      </mat-select>
    </mat-form-field>
    @if (party()?.kind === 'address') {
      @if (other() === 'employee') {
        <st-name-picker collection="employees" [label]="'designer.fields.employeeEmail' | transloco" [value]="address()" [hint]="'designerForms.employee.hint' | transloco"
          (picked)="changed.emit({ kind: 'address', address: $event.trim() })" [name]="name() + 'Address'" [disabled]="disabled()" />
      } @else {
        <mat-form-field>
          <mat-label>{{ 'designer.fields.address' | transloco }}</mat-label>
          <input matInput [value]="address()" (change)="typed($event)" [name]="name() + 'Address'" [disabled]="disabled()" />
        </mat-form-field>
      }
    }
  `,
})
export class PartyFieldComponent {
  /** Undefined: not set (only where the setting is optional, see `optional`). */
  readonly party = input.required<Party | undefined>();
  /** The setting may be left out: a "not set" choice emits undefined. */
  readonly optional = input(false);
  readonly roles = input.required<readonly Role[]>();
  readonly label = input.required<string>();
  /** What the named choice is: an employee (owner, assignee) or any address or number (a notification). */
  readonly other = input<'employee' | 'address'>('employee');
  readonly name = input('party');
  readonly disabled = input(false);
  readonly changed = output<Party | undefined>();

  protected choice(): string {
    const party = this.party();
    return !party ? 'none' : party.kind === 'role' ? party.role : 'address';
  }

  protected address(): string {
    const party = this.party();
    return party?.kind === 'address' ? party.address : '';
  }

  protected choose(choice: string): void {
    if (choice === 'none') this.changed.emit(undefined);
    else this.changed.emit(choice === 'address' ? { kind: 'address', address: this.address() } : { kind: 'role', role: choice as Role });
  }

  protected typed(event: Event): void {
    this.changed.emit({ kind: 'address', address: (event.target as HTMLInputElement).value.trim() });
  }
}

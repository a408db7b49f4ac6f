import { Component } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { NameListComponent } from '../controls/name-list.component';
import { NamePickerComponent } from '../name-picker.component';
import { StepForm } from './step-form';

/**
 * Distribueer naar eigenaar: spread the participants evenly over chosen employees or a group's
 * available members (found by type-ahead), with an employee to fall back on when nobody is available.
 */
@Component({
  selector: 'st-distribute-form',
  imports: [MatCheckboxModule, MatFormFieldModule, NameListComponent, MatSelectModule, NamePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <mat-checkbox [checked]="!!s.onlyIfUnassigned" (change)="set('onlyIfUnassigned', $event.checked ? true : undefined)" [disabled]="readOnly()">
      {{ 'designerForms.distribute.onlyIfUnassigned' | transloco }}
    </mat-checkbox>
    <mat-form-field>
      <mat-label>{{ 'designerForms.distribute.pool' | transloco }}</mat-label>
      <mat-select [value]="s.pool.kind" (selectionChange)="set('pool', $event.value === 'group' ? { kind: 'group', name: '' } : { kind: 'employees', emails: [] })" [disabled]="readOnly()">
        <mat-option value="employees">{{ 'designerForms.distribute.employees' | transloco }}</mat-option>
        <mat-option value="group">{{ 'designerForms.distribute.group' | transloco }}</mat-option>
      </mat-select>
    </mat-form-field>
    @if (s.pool.kind === 'group') {
      <st-name-picker collection="groups" [label]="'designerForms.distribute.groupName' | transloco" [value]="s.pool.name"
        (picked)="set('pool', { kind: 'group', name: $event })" name="distributeGroup" [disabled]="readOnly()" />
    } @else {
      <st-name-list collection="employees" [names]="s.pool.emails" itemKey="designerForms.distribute.employee" removeKey="designerForms.distribute.removeEmployee"
        addKey="designerForms.distribute.addEmployee" [hint]="'designerForms.employee.hint' | transloco" name="distributeEmployee"
        (changed)="setEmployee($event.index, $event.name)" [disabled]="readOnly()" />
    }
    <st-name-picker collection="employees" [label]="'designerForms.distribute.fallback' | transloco" [value]="s.fallback ?? ''"
      (picked)="set('fallback', $event || undefined)" name="distributeFallback" [disabled]="readOnly()" />
  `,
})
export class DistributeFormComponent extends StepForm<'distribute'> {
  /** Sets (or with '' removes) employee `n`; n = their number adds one. */
  protected setEmployee(n: number, email: string): void {
    const address = email.trim();
    this.edit((step) => {
      if (step.pool.kind !== 'employees') return;
      if (address) step.pool.emails[n] = address;
      else if (n < step.pool.emails.length) step.pool.emails.splice(n, 1);
    });
  }
}

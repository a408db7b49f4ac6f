import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { DurationFieldComponent } from '../controls/duration-field.component';
import { PartyFieldComponent } from '../controls/party-field.component';
import { NamePickerComponent } from '../name-picker.component';
import { StepForm } from './step-form';

/** Verkoop maken: title, sale type, stage, amount, description, project, the estimated date and the owner. */
@Component({
  selector: 'st-sale-form',
  imports: [DurationFieldComponent, MatFormFieldModule, MatInputModule, MatSelectModule, NamePickerComponent, PartyFieldComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <mat-form-field><mat-label>{{ 'designer.fields.title' | transloco }}</mat-label>
      <input matInput [value]="s.title" (change)="set('title', value($event))" name="saleTitle" /></mat-form-field>
    <mat-form-field><mat-label>{{ 'designer.fields.type' | transloco }}</mat-label>
      <input matInput [value]="s.type" (change)="set('type', value($event))" name="saleType" /></mat-form-field>
    <div class="row">
      <mat-form-field><mat-label>{{ 'designer.fields.stage' | transloco }}</mat-label>
        <mat-select [value]="s.stage" (selectionChange)="set('stage', $event.value)" [disabled]="readOnly()">
          @for (st of stages; track st) { <mat-option [value]="st">{{ 'designer.stages.' + st | transloco }}</mat-option> }
        </mat-select></mat-form-field>
      <mat-form-field><mat-label>{{ 'designer.fields.amountEuro' | transloco }}</mat-label>
        <input matInput type="number" min="0" [value]="s.amount ?? ''" (change)="set('amount', value($event) === '' ? undefined : Number(value($event)))" name="saleAmount" /></mat-form-field>
    </div>
    <mat-form-field><mat-label>{{ 'designerForms.sale.description' | transloco }}</mat-label>
      <textarea matInput rows="3" [value]="s.description ?? ''" (change)="set('description', value($event) || undefined)" name="saleDescription"></textarea></mat-form-field>
    <st-name-picker collection="projects" [label]="'designerForms.sale.project' | transloco" [value]="s.project ?? ''"
      (picked)="set('project', $event || undefined)" name="saleProject" [disabled]="readOnly()" />
    <mat-form-field><mat-label>{{ 'designerForms.sale.date' | transloco }}</mat-label>
      <mat-select [value]="s.date?.kind ?? 'none'" (selectionChange)="chooseDate($event.value)" [disabled]="readOnly()">
        <mat-option value="none">{{ 'designerForms.sale.dateNone' | transloco }}</mat-option>
        <mat-option value="by_type">{{ 'designerForms.sale.dateByType' | transloco }}</mat-option>
        <mat-option value="after">{{ 'designerForms.sale.dateAfter' | transloco }}</mat-option>
      </mat-select></mat-form-field>
    @if (s.date?.kind === 'after') {
      @let after = $any(s.date);
      <st-duration-field [duration]="after.duration" [label]="'designer.fields.amount' | transloco" name="saleDateAmount" [units]="dayUnits"
        (changed)="set('date', { kind: 'after', duration: $event })" [disabled]="readOnly()" />
    }
    <st-party-field [party]="s.owner" [optional]="true" [roles]="['our_contact', 'service_contact']" [label]="'designerForms.sale.owner' | transloco" name="saleOwner"
      (changed)="set('owner', $event)" [disabled]="readOnly()" />
  `,
})
export class SaleFormComponent extends StepForm<'create_sale'> {
  protected readonly stages = ['open', 'sold', 'lost'] as const;
  protected readonly dayUnits = ['days', 'workdays', 'weeks'] as const;
  protected readonly Number = Number;

  protected chooseDate(kind: 'none' | 'by_type' | 'after'): void {
    this.set('date', kind === 'none' ? undefined : kind === 'after' ? { kind, duration: { amount: 30, unit: 'days' } } : { kind });
  }
}

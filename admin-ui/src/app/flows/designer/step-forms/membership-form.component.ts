import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { NamePickerComponent } from '../name-picker.component';
import { StepForm } from './step-form';

/** Toevoegen aan / Verwijderen uit selectie/project: which kind, and which one by type-ahead. */
@Component({
  selector: 'st-membership-form',
  imports: [MatFormFieldModule, MatSelectModule, NamePickerComponent, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <mat-form-field>
      <mat-label>{{ 'designer.fields.target' | transloco }}</mat-label>
      <mat-select [value]="step().target" (selectionChange)="set('target', $event.value)" [disabled]="readOnly()">
        <mat-option value="selection">{{ 'designer.targets.selection' | transloco }}</mat-option>
        <mat-option value="project">{{ 'designer.targets.project' | transloco }}</mat-option>
      </mat-select>
    </mat-form-field>
    <st-name-picker [collection]="step().target === 'project' ? 'projects' : 'selections'" [label]="'designer.fields.name' | transloco" [value]="step().name"
      (picked)="set('name', $event)" name="membershipName" [disabled]="readOnly()" />
  `,
})
export class MembershipFormComponent extends StepForm<'membership'> {}

import { Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { StepForm } from './step-form';

/** Script uitvoeren: the script and its time and memory limits (the participant moves on at once). */
@Component({
  selector: 'st-run-script-form',
  imports: [MatFormFieldModule, MatInputModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'designer.fields.script' | transloco }}</mat-label>
      <textarea matInput rows="8" class="dsl-text" [value]="step().source" (change)="set('source', value($event))" name="script"></textarea>
      <mat-hint>{{ 'designer.scriptHint' | transloco }}</mat-hint>
    </mat-form-field>
    <div class="row">
      <mat-form-field><mat-label>{{ 'designerForms.script.timeout' | transloco }}</mat-label>
        <input matInput type="number" min="1" [value]="step().timeoutMs ?? ''" (change)="set('timeoutMs', limit($event))" name="scriptTimeout" /></mat-form-field>
      <mat-form-field><mat-label>{{ 'designerForms.script.memory' | transloco }}</mat-label>
        <input matInput type="number" min="1" [value]="step().memoryMb ?? ''" (change)="set('memoryMb', limit($event))" name="scriptMemory" /></mat-form-field>
    </div>
  `,
})
export class RunScriptFormComponent extends StepForm<'run_script'> {
  /** Empty: the service's default limit. */
  protected limit(event: Event): number | undefined {
    return this.value(event).trim() === '' ? undefined : this.number(event);
  }
}

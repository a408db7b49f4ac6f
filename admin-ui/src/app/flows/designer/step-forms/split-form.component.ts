import { Component, computed, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Condition, Others } from '@stroom/dsl';
import { ConditionBuilderComponent } from '../controls/condition-builder.component';
import { LeaveOptionsComponent } from '../controls/leave-options.component';
import { ALWAYS, FIRST_CONDITION, setRandom, shareTotal, spreadShares } from './random-split';
import { StepForm } from './step-form';

/**
 * Opsplitsen: the split's name and kind. On conditions: per branch its name and its condition on data
 * (person, company) or behaviour in this flow (opened, clicked), and what "Alle anderen" do: go on,
 * leave, or get steps. Random (an experiment): per branch its name and share, the holdout, and when
 * the winner is picked.
 */
@Component({
  selector: 'st-split-form',
  imports: [ConditionBuilderComponent, LeaveOptionsComponent, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  styleUrl: '../designer.css',
  template: `
    @let s = step();
    <mat-form-field>
      <mat-label>{{ 'designer.fields.name' | transloco }}</mat-label>
      <input matInput [value]="s.name" (change)="set('name', value($event))" name="splitName" />
    </mat-form-field>
    <div class="row"><mat-form-field>
      <mat-label>{{ 'designerForms.split.kind' | transloco }}</mat-label>
      <mat-select [value]="s.random ? 'random' : 'condition'" (selectionChange)="setKind($event.value === 'random')" [disabled]="readOnly()">
        <mat-option value="condition">{{ 'designerForms.split.onCondition' | transloco }}</mat-option>
        <mat-option value="random">{{ 'designerForms.split.random' | transloco }}</mat-option>
      </mat-select>
    </mat-form-field></div>
    @if (s.random) { <p class="hint">{{ 'designerForms.split.randomHint' | transloco }}</p> }
    @if (kindRefused()) { <p class="error" role="alert">{{ 'designerForms.split.randomRefused' | transloco }}</p> }
    @if (s.random; as random) {
      @for (branch of s.branches; track $index; let b = $index) {
        <div class="row branch-form" [attr.data-branch-form]="b">
          <mat-form-field>
            <mat-label>{{ 'designerForms.split.branchName' | transloco: { n: b + 1 } }}</mat-label>
            <input matInput [value]="branch.name" (change)="renameBranch(b, value($event))" [name]="'branch' + b" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'designerForms.split.share' | transloco: { n: b + 1 } }}</mat-label>
            <input matInput type="number" min="0" max="100" step="1" [value]="branch.percent ?? 0" (change)="setShare(b, $event)" [name]="'share' + b" />
            <span matTextSuffix>%</span>
          </mat-form-field>
          @if (s.branches.length > 1) {
            <button mat-button type="button" (click)="removeBranch(b)" [disabled]="readOnly()"
              [attr.aria-label]="'designerForms.split.removeBranch' | transloco: { n: b + 1 }">×</button>
          }
        </div>
      }
      <button mat-stroked-button type="button" (click)="addBranch()" [disabled]="readOnly()">{{ 'designer.addBranch' | transloco }}</button>
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'designerForms.split.holdout' | transloco }}</mat-label>
          <input matInput type="number" min="0" max="100" step="1" [value]="random.holdout ?? 0" (change)="setHoldout($event)" name="holdout" />
          <span matTextSuffix>%</span>
        </mat-form-field>
      </div>
      <p class="hint">{{ 'designerForms.split.holdoutHint' | transloco }}</p>
      @if (total() !== 100) {
        <p class="error" role="alert">{{ 'designerForms.split.totalError' | transloco: { total: total() } }}</p>
      }
      <mat-checkbox [checked]="!!random.pickWinner" (change)="setPickWinner($event.checked)" [disabled]="readOnly()">{{ 'designerForms.split.pickWinner' | transloco }}</mat-checkbox>
      @if (random.pickWinner; as winner) {
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'designerForms.split.winnerAfter' | transloco }}</mat-label>
            <input matInput type="number" min="1" step="1" [value]="winner.after" (change)="setWinnerAfter($event)" name="winnerAfter" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'designerForms.split.confidence' | transloco }}</mat-label>
            <mat-select [value]="winner.confidence" (selectionChange)="setConfidence($event.value)" [disabled]="readOnly()">
              <mat-option [value]="95">95%</mat-option>
              <mat-option [value]="99">99%</mat-option>
            </mat-select>
          </mat-form-field>
        </div>
      }
    } @else {
      @for (branch of s.branches; track $index; let b = $index) {
        <div class="branch-form" [attr.data-branch-form]="b">
          <mat-form-field>
            <mat-label>{{ 'designer.fields.branchName' | transloco }}</mat-label>
            <input matInput [value]="branch.name" (change)="renameBranch(b, value($event))" [name]="'branch' + b" />
          </mat-form-field>
          <st-condition-builder [condition]="branch.condition" [label]="'designerForms.split.condition' | transloco: { n: b + 1 }" [name]="'branch' + b"
            scope="split" [required]="true" (changed)="setCondition(b, $event)" [disabled]="readOnly()" />
          @if (s.branches.length > 1) {
            <button mat-button type="button" (click)="removeBranch(b)" [disabled]="readOnly()">{{ 'designer.removeBranch' | transloco }}</button>
          }
        </div>
      }
      <button mat-stroked-button type="button" (click)="addBranch()" [disabled]="readOnly()">{{ 'designer.addBranch' | transloco }}</button>
      <mat-form-field>
        <mat-label>{{ 'designerForms.split.others' | transloco }}</mat-label>
        <mat-select [value]="s.others?.kind ?? 'continue'" (selectionChange)="setOthers($event.value)" [disabled]="readOnly()">
          <mat-option value="continue">{{ 'designerForms.split.othersContinue' | transloco }}</mat-option>
          <mat-option value="leave">{{ 'designerForms.split.othersLeave' | transloco }}</mat-option>
          <mat-option value="steps">{{ 'designerForms.split.othersSteps' | transloco }}</mat-option>
        </mat-select>
      </mat-form-field>
      @if (s.others?.kind === 'leave') {
        <st-leave-options [step]="s" (changed)="leave($event)" [disabled]="readOnly()" />
      }
    }
  `,
})
export class SplitFormComponent extends StepForm<'split'> {
  /** Making the split random was refused: "Alle anderen" has steps of its own. */
  protected readonly kindRefused = signal(false);
  protected readonly total = computed(() => shareTotal(this.step()));

  protected setKind(random: boolean): void {
    let refused = false;
    this.edit((step) => { refused = !setRandom(step, random); });
    this.kindRefused.set(refused);
  }

  /** A whole percentage from 0 to 100, or undefined for what is none. */
  private percent(event: Event): number | undefined {
    const value = Number(this.value(event));
    return Number.isInteger(value) && value >= 0 && value <= 100 ? value : undefined;
  }

  protected setShare(index: number, event: Event): void {
    const percent = this.percent(event);
    if (percent !== undefined) this.edit((step) => { step.branches[index]!.percent = percent; });
  }

  protected setHoldout(event: Event): void {
    const percent = this.percent(event);
    if (percent === undefined) return;
    this.edit((step) => {
      if (percent === 0) delete step.random!.holdout;
      else step.random!.holdout = percent;
    });
  }

  protected setPickWinner(on: boolean): void {
    this.edit((step) => {
      if (on) step.random!.pickWinner = { after: 100, confidence: 95 };
      else delete step.random!.pickWinner;
    });
  }

  protected setWinnerAfter(event: Event): void {
    const after = Math.floor(Number(this.value(event)));
    if (Number.isFinite(after) && after >= 1) this.edit((step) => { step.random!.pickWinner!.after = after; });
  }

  protected setConfidence(confidence: 95 | 99): void {
    this.edit((step) => { step.random!.pickWinner!.confidence = confidence; });
  }

  protected renameBranch(index: number, name: string): void {
    this.edit((step) => { step.branches[index]!.name = name; });
  }

  protected setCondition(index: number, condition: Condition | undefined): void {
    if (condition) this.edit((step) => { step.branches[index]!.condition = condition; });
  }

  /** A new branch; in a random split every branch then gets an even share again. */
  protected addBranch(): void {
    this.edit((step) => {
      step.branches.push({ kind: 'branch', name: `Tak ${step.branches.length + 1}`, condition: step.random ? ALWAYS : FIRST_CONDITION, steps: [] });
      if (step.random) spreadShares(step);
    });
  }

  protected removeBranch(index: number): void {
    this.edit((step) => {
      step.branches.splice(index, 1);
      if (step.random) spreadShares(step);
    });
  }

  /**
   * "Alle anderen": continuing after the split, leaving the flow, or steps of their own (drawn as a
   * branch in the diagram). Steps already there are kept until the user deletes them in the diagram.
   */
  protected setOthers(kind: Others['kind']): void {
    const current = this.step().others;
    if ((current?.kind ?? 'continue') === kind) return;
    if (current?.kind === 'steps' && current.steps.length > 0) return;
    const comments = current?.comments ? { comments: current.comments } : {};
    const others: Others = kind === 'leave' ? { kind, actions: [], ...comments } : kind === 'steps' ? { kind, steps: [], ...comments } : { kind, ...comments };
    this.set('others', others);
  }

}

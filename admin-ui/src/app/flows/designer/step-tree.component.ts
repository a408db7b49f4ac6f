import { CdkDrag, CdkDropList, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { Component, inject, input, output } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Slot, Step, StepContainer } from '@stroom/dsl';
import { DesignerStore } from './designer-store';
import { itemOf } from './step-kinds';
import { stepSummary } from './step-summary';

/** What is dragged: a box from the step menu, or a placed step. */
export type DragData = { palette: string } | { stepId: string };

/**
 * A list of steps drawn top to bottom with a free slot before, between and after them; a split
 * draws its branches and "others" side by side, each a list of its own.
 */
@Component({
  selector: 'st-step-tree',
  imports: [CdkDrag, CdkDropList, MatTooltipModule, TranslocoPipe, StepTreeComponent],
  styleUrl: './designer.css',
  template: `
    <ol class="steps">
      @for (step of steps(); track step.id; let i = $index) {
        <li>
          <div class="slot" [class.chosen]="isChosen(i)" cdkDropList cdkDropListSortingDisabled (cdkDropListDropped)="dropped($event, i)" [attr.data-slot]="slotName(i)">
            <button type="button" class="slot-button" [disabled]="readOnly()" (click)="choose(i)" [attr.aria-pressed]="isChosen(i)"
              [attr.aria-label]="'designer.slotHere' | transloco: { n: i + 1 }">+</button>
          </div>
          <div cdkDropList cdkDropListSortingDisabled [cdkDropListEnterPredicate]="never">
            <div class="card" cdkDrag [cdkDragData]="{ stepId: step.id }" [cdkDragDisabled]="readOnly()" [class.selected]="isSelected(step)"
              [attr.data-step]="step.id">
              <button type="button" class="card-main" (click)="select(step)">
                <span class="icon" aria-hidden="true">{{ item(step).icon }}</span>
                <span class="text">
                  <span class="title">{{ 'designer.steps.' + item(step).key | transloco }}</span>
                  <span class="summary">{{ summary(step) }}</span>
                </span>
              </button>
              @if (problemsOf(step); as problems) {
                <span class="warning" role="img" tabindex="0" [matTooltip]="problems" [attr.aria-label]="problems">⚠</span>
              }
              @if (!readOnly()) {
                <button type="button" class="remove" (click)="removeStep.emit(step.id!)" [attr.aria-label]="'designer.delete' | transloco">×</button>
              }
            </div>
          </div>
          @if (step.kind === 'split') {
            <div class="branches">
              @for (branch of step.branches; track $index; let b = $index) {
                <div class="branch" [attr.data-branch]="branch.name">
                  <div class="branch-name">{{ branch.name }}</div>
                  <st-step-tree [steps]="branch.steps" [container]="{ kind: 'branch', splitId: step.id!, branch: b }" [readOnly]="readOnly()" (removeStep)="removeStep.emit($event)" />
                </div>
              }
              <div class="branch" data-branch="others">
                <div class="branch-name">{{ 'designer.others' | transloco }}</div>
                @if (step.others?.kind === 'leave') {
                  <div class="others-note">{{ 'designer.othersLeave' | transloco }}</div>
                }
                <st-step-tree [steps]="step.others?.kind === 'steps' ? $any(step.others).steps : []" [container]="{ kind: 'others', splitId: step.id! }"
                  [readOnly]="readOnly()" (removeStep)="removeStep.emit($event)" />
              </div>
            </div>
          }
        </li>
      }
      <li>
        <div class="slot end" [class.chosen]="isChosen(steps().length)" cdkDropList cdkDropListSortingDisabled (cdkDropListDropped)="dropped($event, steps().length)"
          [attr.data-slot]="slotName(steps().length)">
          <button type="button" class="slot-button" [disabled]="readOnly()" (click)="choose(steps().length)" [attr.aria-pressed]="isChosen(steps().length)"
            [attr.aria-label]="'designer.slotEnd' | transloco">+</button>
        </div>
      </li>
    </ol>
  `,
})
export class StepTreeComponent {
  readonly steps = input.required<readonly Step[]>();
  readonly container = input.required<StepContainer>();
  readonly readOnly = input(false);
  readonly removeStep = output<string>();
  protected readonly store = inject(DesignerStore);
  protected readonly never = () => false;
  protected readonly item = itemOf;
  protected readonly summary = stepSummary;

  protected slotName(index: number): string {
    const c = this.container();
    const where = c.kind === 'flow' ? 'flow' : c.kind === 'branch' ? `${c.splitId}.${c.branch}` : `${c.splitId}.others`;
    return `${where}:${index}`;
  }

  protected slotAt(index: number): Slot {
    return { container: this.container(), index };
  }

  protected isChosen(index: number): boolean {
    const slot = this.store.slot();
    return slot !== null && slot.index === index && JSON.stringify(slot.container) === JSON.stringify(this.container());
  }

  protected choose(index: number): void {
    this.store.slot.set(this.isChosen(index) ? null : this.slotAt(index));
  }

  protected isSelected(step: Step): boolean {
    const selection = this.store.selection();
    return selection?.kind === 'step' && selection.id === step.id;
  }

  protected select(step: Step): void {
    this.store.selection.set({ kind: 'step', id: step.id! });
  }

  protected problemsOf(step: Step): string | null {
    const problems = this.store.problems().get(step.id!);
    return problems?.length ? problems.map((p) => p.message).join('\n') : null;
  }

  protected dropped(event: CdkDragDrop<unknown, unknown, DragData>, index: number): void {
    const data = event.item.data;
    if ('palette' in data) this.store.insert(data.palette, this.slotAt(index));
    else this.store.move(data.stepId, this.slotAt(index));
  }
}

import { Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MAT_SLIDE_TOGGLE_DEFAULT_OPTIONS, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { translate } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import { ConfirmDialogComponent, type ConfirmData } from '../../core/confirm-dialog.component';
import { Session } from '../../core/session';
import { FlowActions } from '../flow-actions';
import { openEnrolDialog } from './enrol-dialog.component';
import { FlowStore, startProblemsOf, type StartProblem } from './flow-store';

const CONFIRM_END: ConfirmData = { title: 'flowPage.confirmEnd.title', text: 'flowPage.confirmEnd.text', confirm: 'flowPage.confirmEnd.confirm' };
const CONFIRM_PAUSE: ConfirmData = { title: 'flowState.confirmPause.title', text: 'flowState.confirmPause.text', confirm: 'flowState.confirmPause.confirm' };
const CONFIRM_REMOVE: ConfirmData = { title: 'flowPage.confirmRemove.title', text: 'flowPage.confirmRemove.text', confirm: 'flowPage.confirmRemove.confirm' };

/** One flow (seed 000/001): its summary, participants and source as tabs, the running switch and the task menu. */
@Component({
  selector: 'st-flow-page',
  imports: [MatButtonModule, MatMenuModule, MatSlideToggleModule, MatTabsModule, MatTooltipModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  // The running switch moves only when the flow's state does (after a confirmed pause, a start).
  providers: [FlowStore, { provide: MAT_SLIDE_TOGGLE_DEFAULT_OPTIONS, useValue: { disableToggleValue: true } }],
  styles: `
    header { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
    header h1 { flex: 1; margin: 0; }
    .start-problems { border-left: 4px solid #b3261e; padding: 4px 12px; margin: 12px 0; background: #fdf3f2; }
    .start-problems h2 { font-size: 16px; margin: 8px 0; }
  `,
  template: `
    <section class="page">
      @if (store.flow(); as flow) {
        <header>
          <h1>{{ flow.name }}</h1>
          <span data-status class="state" [attr.data-state]="flow.status">{{ 'flowState.' + flow.status | transloco }}</span>
          @if (session.isFlowAdmin()) {
            <mat-slide-toggle [checked]="flow.status === 'running'" (toggleChange)="toggle(flow.status !== 'running')" [disabled]="busy()">{{ 'flowState.switchLabel.' + flow.status | transloco }}</mat-slide-toggle>
            <a mat-flat-button [routerLink]="['/flows', flow.id, 'edit']" data-edit>{{ 'flowPageWords.edit' | transloco }}</a>
            <button mat-stroked-button type="button" [matMenuTriggerFor]="tasks">{{ 'flowPage.tasks' | transloco }}</button>
            <mat-menu #tasks="matMenu">
              <button mat-menu-item type="button" (click)="enrol()">{{ 'flowPageWords.enrol' | transloco }}</button>
              <button mat-menu-item type="button" (click)="copy()">{{ 'flowPageWords.copy' | transloco }}</button>
              <button mat-menu-item type="button" (click)="end()" [disabled]="flow.status === 'not_running'">{{ 'flowPage.end' | transloco }}</button>
              <button mat-menu-item type="button" (click)="remove()" [disabled]="flow.status === 'running'">{{ 'flowPage.remove' | transloco }}</button>
            </mat-menu>
          } @else {
            <span [matTooltip]="'flowPageWords.onlyAdmins' | transloco"><mat-slide-toggle [checked]="flow.status === 'running'" disabled>{{ 'flowState.switchLabel.' + flow.status | transloco }}</mat-slide-toggle></span>
            <a mat-stroked-button [routerLink]="['/flows', flow.id, 'edit']" data-edit>{{ 'flowPageWords.view' | transloco }}</a>
          }
        </header>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
        @if (startProblems().length) {
          <div class="start-problems" role="alert" data-start-problems>
            <h2>{{ 'flowPageWords.startRefused' | transloco }}</h2>
            <ul>@for (p of startProblems(); track $index) { <li>{{ p.stepId ? ('flowPageWords.stepLabel' | transloco: { title: store.titleOf(p.stepId) }) + ': ' : '' }}{{ p.message }}</li> }</ul>
          </div>
        }
        <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'flowPage.parts' | transloco">
          @for (tab of tabs; track tab) {
            <a mat-tab-link [routerLink]="tab" routerLinkActive #link="routerLinkActive" [active]="link.isActive">{{ 'flowPage.tabs.' + tab | transloco }}</a>
          }
        </nav>
        <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
      } @else if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class FlowPageComponent {
  readonly store = inject(FlowStore);
  readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly api = inject(Api);
  readonly id = input.required<string>();
  readonly tabs = ['summary', 'diagram', 'reports', 'participants', 'content', 'simulate', 'source'];
  readonly error = signal('');
  readonly startProblems = signal<StartProblem[]>([]);
  private readonly actions = inject(FlowActions);
  private readonly snackBar = inject(MatSnackBar);
  readonly busy = signal(false);
  readonly running = computed(() => this.store.flow()?.status === 'running');

  constructor() {
    effect(() => void this.store.load(this.id()).catch((error: unknown) => this.error.set(errorMessage(error))));
  }

  /** Starting or resuming goes at once; pausing asks first. The switch shows the flow's state, never just the click. */
  async toggle(on: boolean): Promise<void> {
    if (!on && !(await this.confirm(CONFIRM_PAUSE))) return;
    await this.run(() => this.store.act(on ? 'start' : 'pause'));
  }

  /** Persons or a selection into the flow; the tabs reload when the dialog closed after enrolling. */
  async enrol(): Promise<void> {
    const flow = this.store.flow()!;
    if (await openEnrolDialog(this.dialog, flow)) await this.store.load(flow.id);
  }

  async copy(): Promise<void> {
    await this.run(async () => {
      const copy = await this.actions.copy(this.store.flow()!);
      this.snackBar.open(translate('flowActions.copied', { name: copy.name }), undefined, { duration: 5000 });
      await this.router.navigate(['/flows', copy.id]);
    });
  }

  async end(): Promise<void> {
    if (!(await this.confirm(CONFIRM_END))) return;
    await this.run(() => this.store.act('end'));
  }

  async remove(): Promise<void> {
    if (!(await this.confirm(CONFIRM_REMOVE))) return;
    await this.run(async () => {
      await this.api.delete(`/api/flows/${this.id()}`);
      await this.router.navigate(['/flows']);
    });
  }

  private async confirm(data: ConfirmData): Promise<boolean> {
    return (await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data }).afterClosed())) === true;
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.startProblems.set([]);
    try {
      await action();
    } catch (error) {
      const problems = startProblemsOf(error);
      if (problems.length) this.startProblems.set(problems);
      else this.error.set(errorMessage(error));
      await this.store.load(this.id()).catch(() => undefined);
    } finally {
      this.busy.set(false);
    }
  }
}

import { Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { diagnosticMessage, suggestionMessage } from '@stroom/dsl';
import { LanguageChoice } from '../i18n/language-choice';
import type { DslDiagnostic } from './dsl-language';

/** One row of the problems panel: where, how bad, what, and the name meant. */
export interface ProblemRow {
  diagnostic: DslDiagnostic;
  message: string;
  suggestion?: string;
}

/** The problems panel (as in VS Code): every diagnostic with its position; choosing one jumps there, a suggestion can be applied. */
@Component({
  selector: 'st-problems-panel',
  imports: [MatButtonModule, TranslocoPipe],
  styles: `
    :host { display: block; }
    h2 { font-size: 1rem; margin: 12px 0 4px; }
    ul { list-style: none; margin: 0; padding: 0; max-height: 240px; overflow: auto; border: 1px solid #ddd; border-radius: 4px; }
    li { display: flex; align-items: center; gap: 8px; border-bottom: 1px solid #eee; padding: 2px 4px; flex-wrap: wrap; }
    li:last-child { border-bottom: 0; }
    .jump { flex: 1 1 320px; text-align: left; background: none; border: 0; padding: 6px 4px; font: inherit; cursor: pointer; color: inherit; }
    .jump:hover, .jump:focus-visible { background: #f2f2f7; }
    .where { font-family: monospace; margin-right: 8px; color: #444; }
    .severity { font-weight: 600; margin-right: 8px; }
    .severity.error { color: #b00020; }
    .severity.warning { color: #8a5a00; }
    .meant { color: #444; font-style: italic; margin-left: 6px; }
    .none { color: #1b6e20; margin: 4px 0; }
  `,
  template: `
    <section [attr.aria-label]="'dslEditor.problems' | transloco" data-problems-panel>
      <h2>{{ 'dslEditor.problems' | transloco }}</h2>
      @if (rows().length === 0) {
        <p class="none">{{ 'dslEditor.noProblems' | transloco }}</p>
      } @else {
        <ul>
          @for (row of rows(); track $index) {
            <li [attr.data-line]="row.diagnostic.line" [attr.data-column]="row.diagnostic.column">
              <button type="button" class="jump" (click)="jump.emit(row.diagnostic)">
                <span class="where">{{ 'dslEditor.position' | transloco: { line: row.diagnostic.line, column: row.diagnostic.column } }}</span>
                <span class="severity" [class]="row.diagnostic.severity">{{ 'dslEditor.severity.' + row.diagnostic.severity | transloco }}</span>
                <span class="message">{{ row.message }}</span>
                @if (row.suggestion) { <span class="meant">{{ row.suggestion }}</span> }
              </button>
              @if (row.diagnostic.suggestion && fixable()(row.diagnostic)) {
                <button mat-stroked-button type="button" (click)="fix.emit(row.diagnostic)">
                  {{ 'dslEditor.fix' | transloco: { suggestion: row.diagnostic.suggestion } }}
                </button>
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
})
export class ProblemsPanelComponent {
  private readonly language = inject(LanguageChoice);
  readonly diagnostics = input.required<readonly DslDiagnostic[]>();
  /** Whether the suggestion of a diagnostic can still be applied to the text. */
  readonly fixable = input<(d: DslDiagnostic) => boolean>(() => true);
  readonly jump = output<DslDiagnostic>();
  readonly fix = output<DslDiagnostic>();

  readonly rows = computed<ProblemRow[]>(() => {
    const lang = this.language.current();
    return [...this.diagnostics()]
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .map((d) => ({
        diagnostic: d,
        message: diagnosticMessage(d, lang),
        ...(d.suggestion ? { suggestion: suggestionMessage(d.suggestion, lang) } : {}),
      }));
  });
}

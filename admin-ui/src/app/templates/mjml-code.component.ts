import { Component, ElementRef, type OnDestroy, afterNextRender, effect, input, output, viewChild } from '@angular/core';
import { type Diagnostic, setDiagnostics } from '@codemirror/lint';
import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import type { ApiSchema } from '../core/api-schema';

/** A problem the server found in the MJML, at its line. */
export type MjmlDiagnostic = ApiSchema<'TemplateDiagnostic'>;

const variableMarks = new MatchDecorator({ regexp: /\{\{[^}]*\}\}|\{%[^%]*%\}/g, decoration: Decoration.mark({ class: 'cm-merge-variable' }) });

/** `{{ person.first_name }}` and Liquid tags stand out as chips in the code too. */
const liquidChips = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = variableMarks.createDeco(view);
    }
    update(update: ViewUpdate): void {
      this.decorations = variableMarks.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const theme = EditorView.theme({
  '&': { height: '560px', border: '1px solid #c4c7c5', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'monospace' },
  '.cm-merge-variable': { background: '#e8f0fe', color: '#0b3d91', borderRadius: '8px' },
});

/** The MJML of a designed e-mail in CodeMirror, with the server's errors and warnings at their lines. */
@Component({
  selector: 'st-mjml-code',
  template: `<div #host data-mjml-code></div>`,
})
export class MjmlCodeComponent implements OnDestroy {
  readonly source = input.required<string>();
  readonly diagnostics = input<{ errors: MjmlDiagnostic[]; warnings: MjmlDiagnostic[] }>({ errors: [], warnings: [] });
  /** The accessible name of the code field. */
  readonly label = input.required<string>();
  readonly edited = output<string>();
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private view: EditorView | undefined;

  constructor() {
    afterNextRender(() => {
      this.view = new EditorView({
        parent: this.host().nativeElement,
        doc: this.source(),
        extensions: [
          basicSetup,
          theme,
          liquidChips,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': this.label() }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) this.edited.emit(update.state.doc.toString());
          }),
        ],
      });
      this.mark();
    });
    effect(() => {
      const source = this.source();
      if (this.view && source !== this.view.state.doc.toString()) this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: source } });
    });
    effect(() => {
      this.diagnostics();
      this.mark();
    });
  }

  current(): string | undefined {
    return this.view?.state.doc.toString();
  }

  ngOnDestroy(): void {
    this.view?.destroy();
  }

  private mark(): void {
    const view = this.view;
    if (!view) return;
    const doc = view.state.doc;
    const at = (line: number | null) => doc.line(Math.min(Math.max(line ?? 1, 1), doc.lines));
    const { errors, warnings } = this.diagnostics();
    const found: Diagnostic[] = [
      ...errors.map((d) => ({ ...at(d.line), severity: 'error' as const, message: d.message })),
      ...warnings.map((d) => ({ ...at(d.line), severity: 'warning' as const, message: d.message })),
    ].map((d) => ({ from: d.from, to: d.to, severity: d.severity, message: d.message }));
    view.dispatch(setDiagnostics(view.state, found));
  }
}

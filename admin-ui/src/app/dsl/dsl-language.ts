import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { linter, type Diagnostic } from '@codemirror/lint';
import { RangeSetBuilder, type Extension, type Text } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { completionsAt, highlight } from '@stroom/dsl';

/** A server diagnostic: 1-based line and column, length in UTF-16 code units. */
export interface ServerDiagnostic {
  line: number;
  column: number;
  length: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

const marks = new Map<string, Decoration>();
const mark = (cls: string) => marks.get(cls) ?? marks.set(cls, Decoration.mark({ class: `st-${cls}` })).get(cls)!;

/** Highlighting from the language package's own lexer: the editor colours exactly what the parser reads. */
function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const token of highlight(view.state.doc.toString())) {
    if (token.class === 'name' || token.class === 'punctuation') continue;
    builder.add(token.offset, token.offset + token.length, mark(token.class));
  }
  return builder.finish();
}

const highlighting = ViewPlugin.fromClass(class {
  decorations: DecorationSet;
  constructor(view: EditorView) { this.decorations = decorate(view); }
  update(update: ViewUpdate) { if (update.docChanged) this.decorations = decorate(update.view); }
}, { decorations: (plugin) => plugin.decorations });

const theme = EditorView.baseTheme({
  '.st-keyword': { color: '#7b1fa2', fontWeight: '500' },
  '.st-string': { color: '#2e7d32' },
  '.st-number, .st-time': { color: '#1565c0' },
  '.st-comment': { color: '#757575', fontStyle: 'italic' },
  '.st-operator': { color: '#c62828' },
});

/** A diagnostic's range in the document (clamped: the text may have changed since the check). */
export function rangeOf(doc: Text, d: ServerDiagnostic): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(d.column - 1, 0), doc.length);
  return { from, to: Math.min(from + Math.max(d.length, 1), doc.length) };
}

function completions(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
  if (!word && !context.explicit) return null;
  const options = completionsAt(context.state.doc.toString(), context.pos).map((c) => ({ label: c.label, type: c.kind === 'keyword' ? 'keyword' : c.kind === 'field' ? 'property' : 'variable' }));
  return { from: word?.from ?? context.pos, options, validFor: /^[A-Za-z_][A-Za-z0-9_]*$/ };
}

/** The Stroom language for CodeMirror: highlighting, completion, and diagnostics from `check` (the server's checker). */
export function stroomLanguage(check: (source: string) => Promise<ServerDiagnostic[]>): Extension {
  return [
    highlighting,
    theme,
    autocompletion({ override: [completions] }),
    linter(async (view): Promise<Diagnostic[]> => {
      const doc = view.state.doc;
      return (await check(doc.toString())).map((d) => ({ ...rangeOf(doc, d), severity: d.severity === 'info' ? 'info' : d.severity, message: d.message }));
    }, { delay: 400 }),
  ];
}

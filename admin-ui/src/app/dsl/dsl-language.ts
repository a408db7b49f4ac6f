import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { indentService } from '@codemirror/language';
import { linter, lintGutter, type Action, type Diagnostic } from '@codemirror/lint';
import { EditorState, RangeSetBuilder, type Extension, type Text } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { completionsAt, diagnosticMessage, highlight, quotedNameAt, suggestionMessage, type Language, type QuotedName } from '@stroom/dsl';
import type { ApiSchema } from '../core/api-schema';
import { quickFixOf } from './quick-fix';

/** A server diagnostic: 1-based line and column, length in UTF-16 code units; its code and params render its message in any language. */
export type DslDiagnostic = ApiSchema<'DslDiagnostic'>;

/** The names rules may refer to (`GET /api/dsl/names`), offered inside quotes. */
export type DslNames = ApiSchema<'DslNames'>;

export interface StroomLanguageOptions {
  /** The names known now (loaded once by the page). */
  names?: () => DslNames | undefined;
  /** The UI's language, for diagnostic messages. */
  language?: () => Language;
  /** The button text of a quick fix ("Vervang door 'send'"). */
  fixLabel?: (suggestion: string) => string;
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
export function rangeOf(doc: Text, d: Pick<DslDiagnostic, 'line' | 'column' | 'length'>): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(d.column - 1, 0), doc.length);
  return { from, to: Math.min(from + Math.max(d.length, 1), doc.length) };
}

/** A diagnostic's message in `lang`, with the name meant when there is one. */
export function messageIn(d: DslDiagnostic, lang: Language): string {
  const message = diagnosticMessage(d, lang);
  return d.suggestion ? `${message} (${suggestionMessage(d.suggestion, lang)})` : message;
}

/**
 * Indentation of a line starting at `pos` (or of the line a break at `pos` starts): two spaces per
 * `{` open before it; a line starting with `}` (the text `after` pos) closes one.
 */
export function indentationAt(doc: Text, pos: number, after = doc.sliceString(pos, doc.lineAt(pos).to)): number {
  const before = doc.sliceString(0, pos);
  let depth = 0;
  let inText = false;
  for (let i = 0; i < before.length; i++) {
    const char = before[i];
    if (char === '"') inText = !inText;
    else if (char === '\n') inText = false;
    else if (!inText && char === '{') depth++;
    else if (!inText && char === '}') depth = Math.max(0, depth - 1);
  }
  if (/^\s*\}/.test(after)) depth = Math.max(0, depth - 1);
  return depth * 2;
}

function namesOf(names: DslNames, quoted: QuotedName): { label: string; detail?: string }[] {
  switch (quoted.kind) {
    case 'templates': return names.templates.map((t) => ({ label: t.key, ...(t.channel ? { detail: t.channel } : {}) }));
    case 'statuses': return (quoted.statusKind ? names.statuses[quoted.statusKind] : []).map((label) => ({ label }));
    default: return (names[quoted.kind] ?? []).map((label) => ({ label }));
  }
}

function completions(options: StroomLanguageOptions) {
  return (context: CompletionContext): CompletionResult | null => {
    const source = context.state.doc.toString();
    const quoted = quotedNameAt(source, context.pos);
    if (quoted) {
      const names = options.names?.();
      if (!names) return null;
      const found: Completion[] = namesOf(names, quoted).map((name) => ({ ...name, type: 'constant' }));
      return { from: quoted.from, options: found, validFor: /^[^"]*$/ };
    }
    const word = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
    if (!word && !context.explicit) return null;
    const found = completionsAt(source, context.pos).map((c) => ({ label: c.label, type: c.kind === 'keyword' ? 'keyword' : c.kind === 'field' ? 'property' : 'variable' }));
    return { from: word?.from ?? context.pos, options: found, validFor: /^[A-Za-z_][A-Za-z0-9_]*$/ };
  };
}

function fixActions(doc: Text, d: DslDiagnostic, options: StroomLanguageOptions): Action[] {
  const fix = quickFixOf(doc.toString(), rangeOf(doc, d), d);
  if (!fix) return [];
  const label = options.fixLabel?.(d.suggestion!) ?? d.suggestion!;
  return [{ name: label, apply: (view) => view.dispatch({ changes: fix, selection: { anchor: fix.from + fix.insert.length } }) }];
}

/** The Stroom language for CodeMirror: highlighting, indentation, completion (keywords, and names inside quotes), and diagnostics from `check` (the server's checker) with quick fixes. */
export function stroomLanguage(check: (source: string) => Promise<DslDiagnostic[]>, options: StroomLanguageOptions = {}): Extension {
  return [
    highlighting,
    theme,
    EditorState.languageData.of(() => [{ commentTokens: { line: '#' }, indentOnInput: /^\s*\}$/, closeBrackets: { brackets: ['(', '[', '{', '"'] } }]),
    indentService.of((context, pos) => indentationAt(context.state.doc, pos, context.textAfterPos(pos))),
    autocompletion({ override: [completions(options)] }),
    lintGutter(),
    linter(async (view): Promise<Diagnostic[]> => {
      const doc = view.state.doc;
      const lang = options.language?.() ?? 'nl';
      return (await check(doc.toString())).map((d) => ({
        ...rangeOf(doc, d), severity: d.severity === 'info' ? 'info' : d.severity, message: messageIn(d, lang), actions: fixActions(doc, d, options),
      }));
    }, { delay: 400 }),
  ];
}

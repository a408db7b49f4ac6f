import { forceLinting } from '@codemirror/lint';
import { EditorState, Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { rangeOf, stroomLanguage, type DslDiagnostic } from './dsl-language';

const SOURCE = 'flow "Nieuwsbrief" {\n  trigger manual\n  wait 2 days extra\n}\n';

function editor(check: (source: string) => Promise<DslDiagnostic[]>): EditorView {
  const parent = document.body.appendChild(document.createElement('div'));
  return new EditorView({ parent, state: EditorState.create({ doc: SOURCE, extensions: [stroomLanguage(check)] }) });
}

const texts = (view: EditorView, cls: string) => [...view.dom.querySelectorAll(`.st-${cls}`)].map((el) => el.textContent);

describe('the DSL in CodeMirror', () => {
  it('colours tokens by the language package\'s own token classes', () => {
    const view = editor(async () => []);
    expect(texts(view, 'keyword')).toEqual(['flow', 'trigger', 'manual', 'wait', 'days']);
    expect(texts(view, 'string')).toEqual(['"Nieuwsbrief"']);
    expect(texts(view, 'number')).toEqual(['2']);
    view.destroy();
  });

  it('marks a server diagnostic at its line and column', async () => {
    const diagnostic: DslDiagnostic = { line: 3, column: 15, length: 5, severity: 'error', message: 'unexpected "extra"', code: 'unexpected-token' };
    const view = editor(async () => [diagnostic]);
    forceLinting(view);
    const marked = await vi.waitFor(() => {
      const range = view.dom.querySelector('.cm-lintRange-error');
      if (!range) throw new Error('not linted yet');
      return range;
    });
    expect(marked.textContent).toBe('extra');
    view.destroy();
  });

  it('clamps a diagnostic that lies past the end of a changed text', () => {
    const doc = Text.of(['flow "x" {', '}']);
    expect(rangeOf(doc, { line: 9, column: 40, length: 3 })).toEqual({ from: doc.length, to: doc.length });
    expect(rangeOf(doc, { line: 2, column: 1, length: 1 })).toEqual({ from: 11, to: 12 });
  });
});

import { EditorState, type Extension } from '@codemirror/state';
import type { Language } from './dictionary';

/** CodeMirror's own texts (search panel, lint panel, folding, completion) keyed by its English phrases, which are its default. */
const PHRASES: Record<Language, Record<string, string>> = {
  en: {},
  nl: {
    Find: 'Zoeken', Replace: 'Vervangen', next: 'volgende', previous: 'vorige', all: 'alle', 'match case': 'hoofdlettergevoelig',
    regexp: 'reguliere expressie', 'by word': 'hele woorden', replace: 'vervangen', 'replace all': 'alles vervangen', close: 'sluiten',
    'current match': 'huidige treffer', 'on line': 'op regel', 'replaced $ matches': '$ treffers vervangen', 'replaced match on line $': 'treffer op regel $ vervangen',
    'Go to line': 'Ga naar regel', go: 'ga', Diagnostics: 'Meldingen', 'No diagnostics': 'Geen meldingen', Completions: 'Aanvullingen',
    'Folded lines': 'Ingeklapte regels', 'Unfolded lines': 'Uitgeklapte regels', to: 'tot', 'folded code': 'ingeklapte code', unfold: 'uitklappen',
    'Fold line': 'Regel inklappen', 'Unfold line': 'Regel uitklappen', 'Selection deleted': 'Selectie verwijderd', 'Control character': 'Stuurteken',
  },
};

export function codeMirrorPhrases(lang: Language): Extension {
  return EditorState.phrases.of(PHRASES[lang]);
}

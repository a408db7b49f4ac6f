// The visual e-mail designer: GrapesJS with its MJML preset. This module (and GrapesJS, over a
// megabyte) is imported only when a designed e-mail is opened.
import grapesjs, { type Block, type Component, type Editor } from 'grapesjs';
import grapesjsMjml from 'grapesjs-mjml';
import grapesNl from 'grapesjs/locale/nl.mjs';
import mjmlNl from 'grapesjs-mjml/locale/nl';
import { CHIP_CLASS } from './merge-variables';

/** The blocks a content editor builds an e-mail from. */
const BLOCKS = ['mj-1-column', 'mj-2-columns', 'mj-3-columns', 'mj-text', 'mj-image', 'mj-button', 'mj-divider', 'mj-spacer', 'mj-social-group', 'mj-raw'];

/** Blocks that are rows of their own (a section with columns); every other block goes into a column. */
const ROW_BLOCKS = ['mj-1-column', 'mj-2-columns', 'mj-3-columns'];

/** Clearer Dutch names than the preset's for a few blocks. */
const DUTCH_NAMES = { raw: 'Eigen HTML', spacer: 'Witruimte', divider: 'Scheidingslijn', socialGroup: 'Sociale media', body: 'E-mail' };
type MjmlMessages = { 'grapesjs-mjml': { components: { names: Record<string, string> } } };
// A CommonJS module: its texts are the default export, or the module itself depending on the bundler.
const mjmlDutch = ((mjmlNl as { default?: MjmlMessages }).default ?? mjmlNl) as MjmlMessages;
const MJML_NL = {
  'grapesjs-mjml': { ...mjmlDutch['grapesjs-mjml'], components: { names: { ...mjmlDutch['grapesjs-mjml'].components.names, ...DUTCH_NAMES } } },
};

/**
 * A click on a block (as well as a drag) adds it: a row at the end of the e-mail (or after the chosen
 * row), any other block into the chosen column, or the last column when none is chosen.
 */
function appendBlock(block: Block, editor: Editor): void {
  const body = editor.getWrapper()?.findType('mj-body')[0];
  if (!body) return;
  const content = block.get('content') as string;
  const selected = editor.getSelected();
  let added: Component[];
  if (ROW_BLOCKS.includes(block.getId())) {
    const row = selected && (selected.is('mj-section') ? selected : selected.closestType('mj-section'));
    added = row ? (row.parent()?.components().add(content, { at: row.index() + 1 }) as unknown as Component[]) : body.append(content);
  } else {
    const column = (selected && (selected.is('mj-column') ? selected : selected.closestType('mj-column'))) || body.findType('mj-column').at(-1);
    added = column ? column.append(content) : body.append(`<mj-section><mj-column>${content}</mj-column></mj-section>`);
  }
  const first = Array.isArray(added) ? added[0] : added;
  if (first) editor.select(first);
}

/** A grey placeholder for a new image block: no request to a placeholder service on the internet. */
const IMAGE_PLACEHOLDER = `data:image/svg+xml;utf8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240"><rect width="100%" height="100%" fill="#d9dee5"/><text x="50%" y="50%" font-family="sans-serif" font-size="24" fill="#5f6b7a" text-anchor="middle" dominant-baseline="middle">600 × 240</text></svg>')}`;

/** Merge variables show as chips in the canvas only; in the e-mail the span is plain text. */
const CANVAS_CSS = `.${CHIP_CLASS} { background: #e8f0fe; color: #0b3d91; border: 1px solid #9fb7e0; border-radius: 10px; padding: 0 6px; white-space: nowrap; }`;

/** Text for GrapesJS's panel buttons, whose icons come from an icon font this service does not load. */
const BUTTON_LABELS: Record<'nl' | 'en', Record<string, string>> = {
  nl: { 'open-sm': 'Stijl', 'open-tm': 'Instellingen', 'open-layers': 'Lagen', 'open-blocks': 'Blokken', 'sw-visibility': 'Randen', preview: 'Bekijken', fullscreen: 'Volledig scherm', 'export-template': 'Code', 'mjml-import': 'MJML plakken' },
  en: { 'open-sm': 'Style', 'open-tm': 'Settings', 'open-layers': 'Layers', 'open-blocks': 'Blocks', 'sw-visibility': 'Outlines', preview: 'View', fullscreen: 'Full screen', 'export-template': 'Code', 'mjml-import': 'Paste MJML' },
};

const BLOCK_LABELS: Record<'nl' | 'en', Record<string, string>> = {
  nl: {
    'mj-1-column': '1 kolom', 'mj-2-columns': '2 kolommen', 'mj-3-columns': '3 kolommen', 'mj-text': 'Tekst', 'mj-image': 'Afbeelding', 'mj-button': 'Knop',
    'mj-divider': 'Scheidingslijn', 'mj-spacer': 'Witruimte', 'mj-social-group': 'Sociale media', 'mj-raw': 'Eigen HTML',
  },
  en: {
    'mj-1-column': '1 column', 'mj-2-columns': '2 columns', 'mj-3-columns': '3 columns', 'mj-text': 'Text', 'mj-image': 'Image', 'mj-button': 'Button',
    'mj-divider': 'Divider', 'mj-spacer': 'Spacer', 'mj-social-group': 'Social media', 'mj-raw': 'Raw HTML',
  },
};

/** Panel buttons and blocks with words in the UI's language, and the blocks open from the start. */
function labelButtons(editor: Editor, language: 'nl' | 'en'): void {
  for (const block of editor.Blocks.getAll().models) {
    const label = BLOCK_LABELS[language][block.getId()];
    if (label) block.set('label', label);
  }
  editor.Blocks.render();
  for (const panel of editor.Panels.getPanels().models) {
    for (const button of panel.buttons.models) {
      const label = BUTTON_LABELS[language][button.id as string];
      if (!label) continue;
      button.set({ label, className: `${button.get('className') ?? ''} st-labelled`.replace(/\bfa(-[a-z-]+)?\b/g, '').trim(), attributes: { ...(button.get('attributes') ?? {}), title: label } });
    }
  }
  editor.Panels.getButton('views', 'open-blocks')?.set('active', true);
}

export interface DesignerOptions {
  container: HTMLElement;
  mjml: string;
  language: 'nl' | 'en';
  /** The accessible name of the frame the e-mail is designed in. */
  canvasTitle: string;
  /** Stores an image and answers its public address. */
  uploadImage: (file: File) => Promise<string>;
  /** The service refused an image (not an image by its bytes, too large). */
  uploadFailed: (error: unknown) => void;
  /** Images uploaded before, offered in the image picker. */
  images: string[];
  changed: () => void;
}

export interface Designer {
  mjml(): string;
  load(mjml: string): void;
  /** Puts HTML at the caret of the text being edited, or at the end of the chosen text block; false when neither. */
  insert(html: string): boolean;
  destroy(): void;
}

/** The preset's UMD build reaches an ES import as `{ default: plugin }`; GrapesJS unwraps that only for plugins it calls itself. */
const mjmlPlugin = ((grapesjsMjml as unknown as { default?: typeof grapesjsMjml }).default ?? grapesjsMjml) as typeof grapesjsMjml;

export function createDesigner(options: DesignerOptions): Designer {
  const editor: Editor = grapesjs.init({
    container: options.container,
    height: '100%',
    fromElement: false,
    storageManager: false,
    components: options.mjml,
    canvasCss: CANVAS_CSS,
    i18n: { locale: options.language, detectLocale: false, messages: { nl: grapesNl } },
    blockManager: { appendOnClick: appendBlock },
    assetManager: {
      assets: options.images.map((src) => ({ src })),
      uploadFile: (event: DragEvent | Event) => {
        const files = (event as DragEvent).dataTransfer?.files ?? (event.target as HTMLInputElement | null)?.files;
        for (const file of Array.from(files ?? [])) {
          options.uploadImage(file).then((src) => editor.AssetManager.add({ src, name: file.name }), (error: unknown) => options.uploadFailed(error));
        }
      },
    },
    // Options go with the plugin itself: `pluginsOpts` is keyed by plugin name and misses a plugin passed as a function.
    plugins: [(editor) => mjmlPlugin(editor, { blocks: BLOCKS, imagePlaceholderSrc: IMAGE_PLACEHOLDER, i18n: { nl: MJML_NL }, columnsPadding: '10px 0' })],
  });
  editor.on('load', () => {
    labelButtons(editor, options.language);
    // Named and reachable for keyboard and screen-reader users.
    editor.Canvas.getFrameEl().title = options.canvasTitle;
    options.container.querySelector('.gjs-pn-views-container')?.setAttribute('tabindex', '0');
  });
  editor.on('update', () => options.changed());
  return {
    mjml: () => {
      // Text being edited is written back to its block first, so a save right after typing keeps it.
      (editor.getEditing()?.view as { syncContent?: () => void } | undefined)?.syncContent?.();
      return editor.getHtml();
    },
    load: (mjml: string) => {
      editor.setComponents(mjml);
    },
    insert: (html: string) => {
      const rte = editor.RichTextEditor.globalRte;
      if (editor.getEditing() && rte) {
        rte.insertHTML(html);
        return true;
      }
      const selected = editor.getSelected();
      if (selected && selected.is('mj-text')) {
        selected.append(html);
        return true;
      }
      return false;
    },
    destroy: () => editor.destroy(),
  };
}

import { Component, ElementRef, type OnDestroy, ViewEncapsulation, afterNextRender, inject, input, output, signal, viewChild } from '@angular/core';
import { TranslocoPipe, translate } from '@jsverse/transloco';
import { Api, errorMessage } from '../core/api';
import type { ApiSchema } from '../core/api-schema';
import { LanguageChoice } from '../i18n/language-choice';
import type { Designer } from './grapes-designer';

/**
 * GrapesJS with the MJML preset in the page. Its code (and styles) load only here, so the first
 * load of the admin UI stays small. Images dropped or chosen in it are stored as e-mail images.
 */
@Component({
  selector: 'st-grapes-designer',
  imports: [TranslocoPipe],
  encapsulation: ViewEncapsulation.None,
  styleUrl: './grapes-designer.component.css',
  template: `
    @if (!ready()) { <p class="loading" role="status">{{ 'content.loadingDesigner' | transloco }}</p> }
    @if (uploadError()) { <p class="error" role="alert" data-upload-error>{{ uploadError() }}</p> }
    <div #host class="designer-host" [attr.aria-label]="'content.designer' | transloco" role="region" data-designer></div>
  `,
})
export class GrapesDesignerComponent implements OnDestroy {
  private readonly api = inject(Api);
  private readonly language = inject(LanguageChoice);
  /** The MJML to start from. */
  readonly mjml = input.required<string>();
  readonly changed = output<void>();
  readonly ready = signal(false);
  readonly uploadError = signal('');
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private designer: Designer | undefined;

  constructor() {
    afterNextRender(() => void this.start());
  }

  /** The design as MJML. */
  current(): string | undefined {
    return this.designer?.mjml();
  }

  load(mjml: string): void {
    this.designer?.load(mjml);
  }

  insert(html: string): boolean {
    return this.designer?.insert(html) ?? false;
  }

  ngOnDestroy(): void {
    this.designer?.destroy();
  }

  private async start(): Promise<void> {
    const [{ createDesigner }, files] = await Promise.all([
      import('./grapes-designer'),
      this.api.get<ApiSchema<'StoredFilePage'>>('/api/files', { limit: 200 }).catch((): Pick<ApiSchema<'StoredFilePage'>, 'items'> => ({ items: [] })),
    ]);
    this.designer = createDesigner({
      container: this.host().nativeElement,
      mjml: this.mjml(),
      language: this.language.current(),
      canvasTitle: translate('content.designer'),
      images: files.items.flatMap((f) => (f.url ? [f.url] : [])),
      uploadFailed: (error) => this.uploadError.set(errorMessage(error)),
      uploadImage: async (file) => {
        this.uploadError.set('');
        const form = new FormData();
        form.append('file', file, file.name);
        const { url } = await this.api.post<ApiSchema<'StoredFile'>>('/api/files/images', form);
        if (!url) throw new Error('the stored image has no public address');
        return url;
      },
      changed: () => this.changed.emit(),
    });
    this.ready.set(true);
  }
}

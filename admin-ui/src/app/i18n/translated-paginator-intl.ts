import { DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';
import type { Dictionary } from './dictionary';

/** The paginator's labels (Material has them in English) in the active language. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  constructor() {
    super();
    const transloco = inject(TranslocoService);
    transloco.selectTranslateObject<Dictionary['paginator']>('paginator').pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((texts) => {
      this.itemsPerPageLabel = texts.perPage;
      this.firstPageLabel = texts.first;
      this.previousPageLabel = texts.previous;
      this.nextPageLabel = texts.next;
      this.lastPageLabel = texts.last;
      this.getRangeLabel = (page, size, total) => {
        const from = total === 0 ? 0 : page * size + 1;
        return transloco.translate('paginator.range', { from, to: Math.min(total, (page + 1) * size), total });
      };
      this.changes.next();
    });
  }
}

import { DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { Subject, switchMap } from 'rxjs';

/** Routes name their title by a text key; the document title follows the language. */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly keys = new Subject<string>();

  constructor() {
    super();
    const title = inject(Title);
    const transloco = inject(TranslocoService);
    this.keys.pipe(switchMap((key) => transloco.selectTranslate(key)), takeUntilDestroyed(inject(DestroyRef))).subscribe((text) => title.setTitle(text));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const key = this.buildTitle(snapshot);
    if (key) this.keys.next(key);
  }
}

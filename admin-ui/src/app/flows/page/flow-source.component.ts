import { DatePipe } from '@angular/common';
import { Component, ElementRef, type OnDestroy, effect, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { TranslocoPipe } from '@jsverse/transloco';
import { Api } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { AuditHistoryComponent } from '../../core/audit-history.component';
import { FlowStore } from './flow-store';

type Version = ApiSchema<'DocumentVersionList'>['items'][number];

/** The flow's DSL as stored (with its step ids) and its versions, each comparable with the current one. */
@Component({
  selector: 'st-flow-source',
  imports: [AuditHistoryComponent, DatePipe, MatButtonModule, TranslocoPipe],
  styles: `
    pre { background: #f5f5f5; padding: 12px; overflow: auto; font-size: 13px; }
    .diff { border: 1px solid #ccc; margin-top: 8px; }
    li { margin: 4px 0; }
  `,
  template: `
    <pre tabindex="0" translate="no" [attr.aria-label]="'flowSource.dsl' | transloco">{{ store.flow()?.source }}</pre>
    <h3>{{ 'flowSource.versions' | transloco }}</h3>
    <ul>
      @for (v of versions(); track v.version) {
        <li>
          {{ 'flowSource.version' | transloco: { n: v.version } }} · {{ v.author }} · {{ v.createdAt | date: 'dd-MM-yyyy HH:mm' }}
          @if (v.version !== store.flow()?.version) {
            <button mat-button type="button" (click)="compare(v)">{{ 'flowSource.compare' | transloco }}</button>
          }
        </li>
      }
    </ul>
    @if (comparing(); as v) { <h3>{{ 'flowSource.comparing' | transloco: { n: v.version } }}</h3> }
    <div #diff class="diff" [hidden]="!comparing()" [attr.aria-label]="'flowSource.diff' | transloco"></div>
    @if (store.flow(); as flow) { <st-audit-history subject="flow" [subjectId]="flow.id" [revision]="flow.version + flow.status" /> }
  `,
})
export class FlowSourceComponent implements OnDestroy {
  private readonly api = inject(Api);
  readonly store = inject(FlowStore);
  readonly versions = signal<Version[]>([]);
  readonly comparing = signal<Version | undefined>(undefined);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('diff');
  private merge: MergeView | undefined;

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (flow) void this.api.get<ApiSchema<'DocumentVersionList'>>(`/api/flows/${flow.id}/versions`).then((page) => this.versions.set(page.items));
    });
  }

  compare(version: Version): void {
    this.merge?.destroy();
    const readOnly = [EditorView.editable.of(false), EditorState.readOnly.of(true)];
    this.merge = new MergeView({
      a: { doc: version.source, extensions: readOnly },
      b: { doc: this.store.flow()?.source ?? '', extensions: readOnly },
      parent: this.host().nativeElement,
    });
    this.comparing.set(version);
  }

  ngOnDestroy(): void {
    this.merge?.destroy();
  }
}

import { Component, type ElementRef, afterRenderEffect, computed, effect, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Graph, layout } from '@dagrejs/dagre';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import type { ApiSchema } from '../../core/api-schema';
import { LanguageChoice } from '../../i18n/language-choice';
import { DiagramZoom } from './diagram-zoom';
import { FlowStore } from './flow-store';
import { stepSummary } from '../designer/step-summary';
import { stepDetail, stepSource } from './step-text';

type FlowGraph = ApiSchema<'FlowStepGraph'>;
type StepStats = ApiSchema<'FlowStepStats'>;
type StepFigures = StepStats['items'][number];

interface Box { id: string; x: number; y: number; width: number; height: number; title: string; detail: string; figures: string; invalid: string; end?: boolean }
interface Line { d: string; label?: string; lx: number; ly: number }

const END = '__end';
/** Where a split's `others leave` goes: out of the flow. */
const LEAVE = '__leave';

/** A read-only diagram of the step graph, laid out by dagre; click a step for its settings. */
@Component({
  selector: 'st-flow-diagram',
  imports: [MatButtonModule, TranslocoPipe],
  styles: `
    .wrap { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; margin-top: 16px; }
    @media (max-width: 719.98px) { .wrap { grid-template-columns: minmax(0, 1fr); } }
    .zoom { display: flex; align-items: center; gap: 4px; flex-wrap: wrap; margin-bottom: 8px; }
    .zoom output { min-width: 48px; text-align: center; font-size: 14px; }
    .canvas { overflow: auto; max-height: 70vh; border: 1px solid #e0e0e0; border-radius: 4px; touch-action: pan-x pan-y; }
    svg { display: block; }
    g.step { cursor: pointer; }
    g.step rect { fill: #fff; stroke: #5c6bc0; stroke-width: 1.5; }
    g.step.invalid rect { stroke: #b3261e; stroke-dasharray: 4 2; }
    g.step.selected rect { fill: #e8eaf6; }
    g.step:focus { outline: none; } g.step:focus rect { stroke-width: 3; }
    g.end rect { fill: #eee; stroke: #999; }
    text { font: 12px Roboto, sans-serif; }
    text.title { font-weight: 500; }
    text.figures { fill: #3f51b5; }
    dl.figures { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; margin: 8px 0; }
    dl.figures dd { margin: 0; text-align: right; }
    path { fill: none; stroke: #888; stroke-width: 1.2; marker-end: url(#arrow); }
    pre { background: #f5f5f5; padding: 12px; overflow: auto; font-size: 13px; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (layoutResult(); as l) {
      <div class="wrap">
        <div>
          <div class="zoom" role="group" [attr.aria-label]="'mobile.zoom.label' | transloco">
            <button mat-stroked-button type="button" (click)="zoom.by(-1)" [disabled]="zoom.atMin()">{{ 'mobile.zoom.out' | transloco }}</button>
            <output data-zoom aria-live="polite">{{ 'mobile.zoom.level' | transloco: { n: zoom.percent() } }}</output>
            <button mat-stroked-button type="button" (click)="zoom.by(1)" [disabled]="zoom.atMax()">{{ 'mobile.zoom.in' | transloco }}</button>
            <button mat-stroked-button type="button" (click)="fit()">{{ 'mobile.zoom.fit' | transloco }}</button>
          </div>
          <div #canvas class="canvas" (wheel)="zoom.wheel($event)" (pointerdown)="zoom.pointer($event)" (pointermove)="zoom.pointer($event)" (pointerup)="zoom.release($event)" (pointercancel)="zoom.release($event)">
        <svg [attr.viewBox]="'0 0 ' + l.width + ' ' + l.height" [attr.width]="l.width * zoom.scale()" [attr.height]="l.height * zoom.scale()" role="group" [attr.aria-label]="'flowDiagram.steps' | transloco">
          <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#888" /></marker></defs>
          @for (line of l.lines; track $index) {
            <path [attr.d]="line.d" />
            @if (line.label) { <text [attr.x]="line.lx" [attr.y]="line.ly" text-anchor="middle">{{ line.label }}</text> }
          }
          @for (box of l.boxes; track box.id) {
            <g [class.step]="!box.end" [class.end]="box.end" [class.invalid]="!!box.invalid" [class.selected]="box.id === selected()?.id"
               [attr.transform]="'translate(' + (box.x - box.width / 2) + ',' + (box.y - box.height / 2) + ')'"
               [attr.tabindex]="box.end ? null : 0" [attr.role]="box.end ? null : 'button'" [attr.data-step]="box.end ? null : box.id"
               (click)="select(box.id)" (keydown.enter)="select(box.id)">
              @if (box.invalid) { <title>{{ box.invalid }}</title> }
              <rect [attr.width]="box.width" [attr.height]="box.height" rx="6" />
              <text class="title" x="10" y="19">{{ box.invalid ? '⚠ ' : '' }}{{ box.title }}</text>
              <text x="10" y="37">{{ box.detail }}</text>
              @if (box.figures) { <text class="figures" x="10" y="55" [attr.data-figures]="box.id">{{ box.figures }}</text> }
            </g>
          }
        </svg>
          </div>
        </div>
        <aside [attr.aria-label]="'flowDiagram.step' | transloco">
          @if (selected(); as node) {
            <h3>{{ store.titleOf(node.id) }}</h3>
            @for (p of node.problems; track $index) { <p class="error">{{ p.message }}</p> }
            @if (figuresOf(node.id); as f) {
              <dl class="figures" data-step-figures>
                <dt>{{ 'flowPageWords.stepStats.now' | transloco }}</dt><dd>{{ f.now }}</dd>
                <dt>{{ 'flowPageWords.stepStats.passed' | transloco }}</dt><dd>{{ f.passed }}</dd>
                @if (f.sent) {
                  <dt>{{ 'flowPageWords.stepStats.sent' | transloco }}</dt><dd>{{ f.sent }}</dd>
                  <dt>{{ 'flowPageWords.stepStats.opened' | transloco }}</dt><dd>{{ f.opened }}</dd>
                  <dt>{{ 'flowPageWords.stepStats.clicked' | transloco }}</dt><dd>{{ f.clicked }}</dd>
                }
              </dl>
            }
            <h4>{{ 'flowPageWords.settingsInWords' | transloco }}</h4>
            <p data-step-words>{{ wordsOf(node.id) }}</p>
            <details>
              <summary>{{ 'flowPageWords.dslOfStep' | transloco }}</summary>
              <pre tabindex="0" translate="no" [attr.aria-label]="'mobile.diagram.stepSource' | transloco" data-step-source>{{ sourceOf(node.id) }}</pre>
            </details>
          } @else {
            <p>{{ 'flowDiagram.hint' | transloco }}</p>
          }
        </aside>
      </div>
    }
  `,
})
export class FlowDiagramComponent {
  private readonly api = inject(Api);
  readonly store = inject(FlowStore);
  readonly figures = signal<ReadonlyMap<string, StepFigures>>(new Map());
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageChoice);
  readonly graph = signal<FlowGraph | undefined>(undefined);
  readonly selectedId = signal<string | undefined>(undefined);
  readonly error = signal('');
  readonly selected = computed(() => this.graph()?.nodes.find((n) => n.id === this.selectedId()));
  readonly layoutResult = computed(() => {
    const graph = this.graph();
    this.language.current(); // the boxes' titles are in the chosen language
    return graph ? this.lay(graph, this.figures()) : undefined;
  });
  /** The scale the diagram is drawn at; fitted to the width of its box once a graph arrives. */
  readonly zoom = new DiagramZoom();
  private readonly canvas = viewChild<ElementRef<HTMLElement>>('canvas');
  private fitted = false;

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (!flow) return;
      void this.api.get<FlowGraph>(`/api/flows/${flow.id}/graph`).then((g) => this.graph.set(g), (e: unknown) => this.error.set(errorMessage(e)));
      void this.api.get<StepStats>(`/api/flows/${flow.id}/step-stats`).then((f) => this.figures.set(new Map(f.items.map((i) => [i.stepId, i]))), (e: unknown) => this.error.set(errorMessage(e)));
    });
    afterRenderEffect(() => {
      if (this.canvas() && this.graph() && !this.fitted) {
        this.fitted = true;
        this.fit();
      }
    });
  }

  /** The whole diagram in the width of its box (less its border). */
  fit(): void {
    const width = this.canvas()?.nativeElement.clientWidth ?? 0;
    const layout = this.layoutResult();
    if (layout) this.zoom.fit(width - 2, layout.width);
  }

  figuresOf(stepId: string): StepFigures | undefined {
    return this.figures().get(stepId);
  }

  /** The step's settings in one line of words (the designer's card summary). */
  wordsOf(stepId: string): string {
    const step = this.store.steps().get(stepId);
    return step ? stepSummary(step) : '';
  }

  sourceOf(stepId: string): string {
    return stepSource(this.store.flow()?.source ?? '', stepId);
  }

  select(id: string): void {
    if (id !== END && id !== LEAVE) this.selectedId.set(id);
  }

  private lay(flow: FlowGraph, figures: ReadonlyMap<string, StepFigures>): { width: number; height: number; boxes: Box[]; lines: Line[] } {
    const g = new Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 40, marginx: 10, marginy: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of flow.nodes) g.setNode(node.id, { width: 220, height: figures.size ? 64 : 48 });
    // The end box only where a step leads to it.
    const ends = flow.edges.some((edge) => edge.to === null);
    if (ends) g.setNode(END, { width: 120, height: 36 });
    const leaving = flow.nodes.filter((node) => node.others?.kind === 'leave');
    if (leaving.length > 0) g.setNode(LEAVE, { width: 120, height: 36 });
    const edges = [...flow.edges, ...leaving.map((node) => ({ from: node.id, to: LEAVE, label: 'others' }))];
    for (const edge of edges) {
      // The graph names a split's "everyone else" edge `others`; the diagram says it in the chosen language.
      const label = edge.label === 'others' ? this.transloco.translate('mobile.diagram.others') : edge.label;
      g.setEdge(edge.from, edge.to ?? END, { label, width: label ? label.length * 7 : 0, height: label ? 14 : 0 });
    }
    layout(g);
    const boxes: Box[] = flow.nodes.map((node) => {
      const at = g.node(node.id);
      return { id: node.id, x: at.x, y: at.y, width: at.width, height: at.height, title: this.transloco.translate(`flowDiagram.kinds.${node.kind}`), detail: stepDetail(node, this.transloco, this.language.current()), figures: this.figureLine(figures.get(node.id)), invalid: node.problems.map((p) => p.message).join('\n') };
    });
    const exits: [string, string][] = [...(ends ? [[END, 'flowDiagram.end'] as [string, string]] : []), ...(leaving.length > 0 ? [[LEAVE, 'flowDiagram.kinds.leave'] as [string, string]] : [])];
    for (const [id, title] of exits) {
      const at = g.node(id);
      boxes.push({ id, x: at.x, y: at.y, width: at.width, height: at.height, title: this.transloco.translate(title), detail: '', figures: '', invalid: '', end: true });
    }
    const lines: Line[] = g.edges().map((e) => {
      const edge = g.edge(e) as { points: { x: number; y: number }[]; label?: string; x?: number; y?: number };
      return { d: `M ${edge.points.map((p) => `${p.x} ${p.y}`).join(' L ')}`, label: edge.label, lx: edge.x ?? 0, ly: edge.y ?? 0 };
    });
    const size = g.graph() as { width?: number; height?: number };
    return { width: size.width ?? 400, height: size.height ?? 200, boxes, lines };
  }

  /** "3 nu · 12 voorbij · ✉ 12 / 7 / 2": on the step now, passed it, sent / opened / clicked. */
  private figureLine(f: StepFigures | undefined): string {
    if (!f) return '';
    const line = this.transloco.translate('flowPageWords.stepStats.short', { now: f.now, passed: f.passed });
    return f.sent ? `${line} · ✉ ${f.sent} / ${f.opened} / ${f.clicked}` : line;
  }
}

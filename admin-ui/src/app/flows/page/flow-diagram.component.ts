import { JsonPipe } from '@angular/common';
import { Component, computed, effect, inject, signal } from '@angular/core';
import { Graph, layout } from '@dagrejs/dagre';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Api, errorMessage } from '../../core/api';
import { LanguageChoice } from '../../i18n/language-choice';
import { FlowStore } from './flow-store';

interface GraphNode {
  id: string;
  kind: string;
  settings: Record<string, unknown>;
  problems: { severity: string; message: string }[];
  /** A split's `others`: on to a step, or out of the flow. */
  others?: { kind: 'next' | 'leave' };
}

interface FlowGraph {
  start: string | null;
  nodes: GraphNode[];
  edges: { from: string; to: string | null; label?: string }[];
}

interface Box { id: string; x: number; y: number; width: number; height: number; title: string; detail: string; invalid: string; end?: boolean }
interface Line { d: string; label?: string; lx: number; ly: number }

const END = '__end';
/** Where a split's `others leave` goes: out of the flow. */
const LEAVE = '__leave';

/** The most telling setting of a step, for its box. */
function detail(node: GraphNode): string {
  const s = node.settings as Record<string, any>;
  switch (node.kind) {
    case 'send_email': case 'notify_email': return `"${s['template']}"`;
    case 'wait': return `${s['duration']?.amount} ${s['duration']?.unit}`;
    case 'wait_until': return String(s['until']);
    case 'wait_for': return String(s['event']?.kind ?? '').replace('_', ' ');
    case 'split': return `"${s['name']}"`;
    case 'membership': return `${s['change']} ${s['target']} "${s['name']}"`;
    default: return typeof s['title'] === 'string' ? `"${s['title']}"` : '';
  }
}

/** A read-only diagram of the step graph, laid out by dagre; click a step for its settings. */
@Component({
  selector: 'st-flow-diagram',
  imports: [JsonPipe, TranslocoPipe],
  styles: `
    .wrap { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; margin-top: 16px; }
    svg { width: 100%; height: auto; max-height: 70vh; }
    g.step { cursor: pointer; }
    g.step rect { fill: #fff; stroke: #5c6bc0; stroke-width: 1.5; }
    g.step.invalid rect { stroke: #b3261e; stroke-dasharray: 4 2; }
    g.step.selected rect { fill: #e8eaf6; }
    g.step:focus { outline: none; } g.step:focus rect { stroke-width: 3; }
    g.end rect { fill: #eee; stroke: #999; }
    text { font: 12px Roboto, sans-serif; }
    text.title { font-weight: 500; }
    path { fill: none; stroke: #888; stroke-width: 1.2; marker-end: url(#arrow); }
    pre { background: #f5f5f5; padding: 12px; overflow: auto; font-size: 13px; }
  `,
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (layoutResult(); as l) {
      <div class="wrap">
        <svg [attr.viewBox]="'0 0 ' + l.width + ' ' + l.height" role="group" [attr.aria-label]="'flowDiagram.steps' | transloco">
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
            </g>
          }
        </svg>
        <aside [attr.aria-label]="'flowDiagram.step' | transloco">
          @if (selected(); as node) {
            <h3>{{ 'flowDiagram.kinds.' + node.kind | transloco }} <code>{{ node.id }}</code></h3>
            @for (p of node.problems; track $index) { <p class="error">{{ p.message }}</p> }
            <pre>{{ node.settings | json }}</pre>
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
  private readonly store = inject(FlowStore);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageChoice);
  readonly graph = signal<FlowGraph | undefined>(undefined);
  readonly selectedId = signal<string | undefined>(undefined);
  readonly error = signal('');
  readonly selected = computed(() => this.graph()?.nodes.find((n) => n.id === this.selectedId()));
  readonly layoutResult = computed(() => {
    const graph = this.graph();
    this.language.current(); // the boxes' titles are in the chosen language
    return graph ? this.lay(graph) : undefined;
  });

  constructor() {
    effect(() => {
      const flow = this.store.flow();
      if (flow) void this.api.get<FlowGraph>(`/api/flows/${flow.id}/graph`).then((g) => this.graph.set(g), (e: unknown) => this.error.set(errorMessage(e)));
    });
  }

  select(id: string): void {
    if (id !== END && id !== LEAVE) this.selectedId.set(id);
  }

  private lay(flow: FlowGraph): { width: number; height: number; boxes: Box[]; lines: Line[] } {
    const g = new Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 40, marginx: 10, marginy: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of flow.nodes) g.setNode(node.id, { width: 220, height: 48 });
    // The end box only where a step leads to it.
    const ends = flow.edges.some((edge) => edge.to === null);
    if (ends) g.setNode(END, { width: 120, height: 36 });
    const leaving = flow.nodes.filter((node) => node.others?.kind === 'leave');
    if (leaving.length > 0) g.setNode(LEAVE, { width: 120, height: 36 });
    const edges = [...flow.edges, ...leaving.map((node) => ({ from: node.id, to: LEAVE, label: 'others' }))];
    for (const edge of edges) g.setEdge(edge.from, edge.to ?? END, { label: edge.label, width: edge.label ? edge.label.length * 7 : 0, height: edge.label ? 14 : 0 });
    layout(g);
    const boxes: Box[] = flow.nodes.map((node) => {
      const at = g.node(node.id);
      return { id: node.id, x: at.x, y: at.y, width: at.width, height: at.height, title: this.transloco.translate(`flowDiagram.kinds.${node.kind}`), detail: detail(node), invalid: node.problems.map((p) => p.message).join('\n') };
    });
    const exits: [string, string][] = [...(ends ? [[END, 'flowDiagram.end'] as [string, string]] : []), ...(leaving.length > 0 ? [[LEAVE, 'flowDiagram.kinds.leave'] as [string, string]] : [])];
    for (const [id, title] of exits) {
      const at = g.node(id);
      boxes.push({ id, x: at.x, y: at.y, width: at.width, height: at.height, title: this.transloco.translate(title), detail: '', invalid: '', end: true });
    }
    const lines: Line[] = g.edges().map((e) => {
      const edge = g.edge(e) as { points: { x: number; y: number }[]; label?: string; x?: number; y?: number };
      return { d: `M ${edge.points.map((p) => `${p.x} ${p.y}`).join(' L ')}`, label: edge.label, lx: edge.x ?? 0, ly: edge.y ?? 0 };
    });
    const size = g.graph() as { width?: number; height?: number };
    return { width: size.width ?? 400, height: size.height ?? 200, boxes, lines };
  }
}

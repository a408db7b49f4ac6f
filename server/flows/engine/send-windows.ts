import { Inject, Injectable } from '@nestjs/common';
import { Remembered, type FlowGraph, type FlowNode, type StepKind } from '@stroom/dsl';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { nextWindowOpening, type SendWindow } from '../../scheduling/calendar.js';
import { flowCalendar } from './step-run.js';

/** Steps that send to the participant; notifications to employees go out at once. */
const WINDOWED: ReadonlySet<StepKind> = new Set(['send_email', 'send_sms']);
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A flow's `send_window`: a send due outside it waits for the next opening, in the flow's time zone. */
@Injectable()
export class SendWindows {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Openings already worked out per flow graph and instant: a batch of steps asks for every participant at the same instant. */
  private readonly openings = new WeakMap<FlowGraph, Remembered<number, Date | undefined>>();

  /** The next opening when the node must wait for it; undefined when it may run now. */
  opening(graph: FlowGraph, node: FlowNode, now: Date): Date | undefined {
    if (!graph.settings.sendWindow || !WINDOWED.has(node.kind)) return undefined;
    let known = this.openings.get(graph);
    if (!known) this.openings.set(graph, (known = new Remembered(1000)));
    const opening = known.get(now.getTime(), () => this.nextOpening(graph, now));
    return opening && new Date(opening.getTime());
  }

  private nextOpening(graph: FlowGraph, now: Date): Date | undefined {
    const setting = graph.settings.sendWindow!;
    const window: SendWindow = {
      days: setting.days.kind === 'workdays' ? 'workdays' : range(DAYS.indexOf(setting.days.from) + 1, DAYS.indexOf(setting.days.to) + 1),
      from: setting.start,
      to: setting.end,
    };
    const opening = nextWindowOpening(now, window, flowCalendar(this.config, graph));
    return opening.getTime() > now.getTime() ? opening : undefined;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

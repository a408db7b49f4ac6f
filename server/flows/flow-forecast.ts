import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { RecordFacts } from '../facts/record-facts.js';
import { FlowForecaster, type Forecast } from './core/forecast.js';
import { Enrolment } from './enrolment.js';
import { FlowGraphs } from './engine/flow-graphs.js';
import { SendWindows } from './engine/send-windows.js';
import { flowCalendar } from './engine/step-run.js';
import type { Flow } from './flow.entity.js';

/** Members walked between two yields to the event loop: other requests wait at most one slice. */
const SLICE = 250;

export interface ForecastRequest {
  selectionId: string;
  days: number;
  webhookStatus: number;
  opens: number;
  clicks: number;
}

/**
 * The forecast adapter: reads a selection's members and their facts one batch at a time (short
 * reads, no transaction held) and walks each through the pure forecaster on a virtual clock from
 * now. Nothing is stored and nothing is sent; the walk yields to the event loop between slices.
 */
@Injectable()
export class FlowForecasts {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly enrolment: Enrolment,
    private readonly graphs: FlowGraphs,
    private readonly facts: RecordFacts,
    private readonly windows: SendWindows,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forecast(flow: Flow, request: ForecastRequest): Promise<Forecast> {
    const graph = this.graphs.of(flow);
    const start = this.clock.now();
    let verdicts = new Map<string, string | undefined>();
    const forecaster = new FlowForecaster({
      flowId: String(flow.id), graph, start, days: request.days, calendar: flowCalendar(this.config, graph),
      opening: (node, at) => this.windows.opening(graph, node, at),
      refusal: (personId) => verdicts.get(personId),
      webhookStatus: request.webhookStatus,
      behaviour: { opens: request.opens, clicks: request.clicks },
    });
    const em = this.em.fork({ clear: true });
    for await (const ids of this.enrolment.selectionMembers(em, request.selectionId)) {
      verdicts = await this.enrolment.verdicts(em, flow, ids, start);
      const people = await this.facts.loadPeople(em.fork({ clear: true }), ids);
      for (let from = 0; from < ids.length; from += SLICE) {
        for (const id of ids.slice(from, from + SLICE)) await forecaster.add({ id, facts: people.get(id) ?? {} });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return forecaster.result();
  }
}

import { DateTime } from 'luxon';
import { HOLDOUT, type RandomSettings } from './experiments.js';
import { FlowWalker, type WalkHooks, type WalkSetup } from './walk.js';

type Json = Record<string, unknown>;

/** A member to forecast: their id and their facts (person, company, our contact, …). */
export interface ForecastPerson {
  id: string;
  facts: Json;
}

export interface ForecastSetup extends WalkSetup {
  /** When everyone enters (the forecast starts now). */
  start: Date;
  days: number;
  /** Why a member may not enter (already in the flow, in an excluding flow, …), undefined when they may. */
  refusal(personId: string): string | undefined;
}

export interface ForecastDay {
  date: string;
  arrivals: number;
  messages: number;
  finished: number;
}

export interface Forecast {
  persons: number;
  days: number;
  /** Members who enter; the others by reason. */
  admitted: number;
  refused: Record<string, number>;
  /** Arrivals per step over the whole period. */
  perStep: Record<string, number>;
  perDay: ForecastDay[];
  /** How the participants end within the period, and how many are still in the flow at its end. */
  outcomes: { success: number; completed: number; dropout: number; active: number };
  /** Random splits: the share each branch (and the holdout) is set to get, and how many of these members fall in it. */
  splits: { stepId: string; branches: { name: string; planned: number; participants: number; share: number }[] }[];
}

/**
 * A forecast of a flow for many people: each member walks the compiled step graph on a virtual
 * clock from `start`, as the engine would, with what cannot be known ahead assumed: a given share
 * of the e-mails opened and clicked (none by default), no form submitted (a wait for one runs to its
 * time-out), and a webhook answering `webhookStatus`. Pure: plain inputs, plain counts, nothing stored or sent.
 */
export class FlowForecaster {
  private readonly walker: FlowWalker;
  private readonly until: Date;
  private readonly perStep: Record<string, number> = {};
  private readonly perDay: ForecastDay[];
  private readonly outcomes = { success: 0, completed: 0, dropout: 0, active: 0 };
  private readonly refused: Record<string, number> = {};
  private readonly splitCounts = new Map<string, Map<string, number>>();
  private readonly dayStarts: number[];
  /** The counting hooks, the same for every member. */
  private readonly hooks: WalkHooks = {
    arrive: (node, at) => {
      this.perStep[node.id] = (this.perStep[node.id] ?? 0) + 1;
      this.count(at, 'arrivals');
    },
    message: (_node, _channel, at, _facts, deliverable) => {
      if (deliverable) this.count(at, 'messages');
      return true;
    },
    branch: (node, branch) => {
      const counts = this.splitCounts.get(node.id)!;
      counts.set(branch, (counts.get(branch) ?? 0) + 1);
    },
  };
  private persons = 0;
  private admitted = 0;

  constructor(private readonly setup: ForecastSetup) {
    this.walker = new FlowWalker(setup);
    const first = DateTime.fromJSDate(setup.start, { zone: setup.calendar.zone }).startOf('day');
    this.until = new Date(setup.start.getTime() + setup.days * 86_400_000);
    this.perDay = [];
    this.dayStarts = [];
    for (let i = 0; i < setup.days; i++) {
      const day = first.plus({ days: i });
      this.perDay.push({ date: day.toISODate()!, arrivals: 0, messages: 0, finished: 0 });
      this.dayStarts.push(day.toMillis());
    }
    for (const id of setup.graph.order) if (setup.graph.nodes[id]!.settings['random']) this.splitCounts.set(id, new Map());
  }

  /** Walks one member through the flow and adds them to the counts. */
  async add(person: ForecastPerson): Promise<void> {
    this.persons += 1;
    const reason = this.setup.refusal(person.id) ?? ((await this.walker.passesFilter(person.facts)) ? undefined : 'filter');
    if (reason) {
      this.refused[reason] = (this.refused[reason] ?? 0) + 1;
      return;
    }
    this.admitted += 1;
    const ending = await this.walker.walk(person.id, person.facts, this.setup.start, this.until, this.hooks);
    if (ending.kind === 'active') {
      this.outcomes.active += 1;
    } else {
      // A walk past the step cap is taken as a dropout.
      this.outcomes[ending.kind === 'capped' ? 'dropout' : ending.kind] += 1;
      this.count(ending.at, 'finished');
    }
  }

  result(): Forecast {
    return {
      persons: this.persons,
      days: this.setup.days,
      admitted: this.admitted,
      refused: { ...this.refused },
      perStep: { ...this.perStep },
      perDay: this.perDay.map((day) => ({ ...day })),
      outcomes: { ...this.outcomes },
      splits: [...this.splitCounts].map(([stepId, counts]) => {
        const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
        const settings = this.setup.graph.nodes[stepId]!.settings['random'] as RandomSettings;
        const planned = [...settings.shares.map((share) => ({ name: share.branch, percent: share.percent })), ...(settings.holdout ? [{ name: HOLDOUT, percent: settings.holdout }] : [])];
        return {
          stepId,
          branches: planned.map(({ name, percent }) => ({ name, planned: percent / 100, participants: counts.get(name) ?? 0, share: total ? (counts.get(name) ?? 0) / total : 0 })),
        };
      }),
    };
  }

  private count(at: Date, what: 'arrivals' | 'messages' | 'finished'): void {
    const day = this.dayOf(at);
    if (day !== undefined) this.perDay[day]![what] += 1;
  }

  private dayOf(at: Date): number | undefined {
    const ms = at.getTime();
    if (ms >= this.until.getTime()) return undefined;
    // Binary search: the last day that starts at or before `at`.
    let low = 0;
    let high = this.dayStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.dayStarts[mid]! <= ms) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

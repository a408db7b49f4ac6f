import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { ReferenceKind } from '@stroom/dsl';

export interface Rename {
  kind: ReferenceKind;
  from: string;
  to: string;
  statusKind?: 'quote_request' | 'opportunity' | 'intake_measure';
}

export type RenameListener = (em: EntityManager, rename: Rename) => Promise<void>;

/** A rule that refers to a name; `settingKey` when a per-status or per-task-type form wrote it. */
export interface RuleUsage {
  kind: 'workflow' | 'flow';
  id: string;
  name: string;
  settingKey?: string;
  /** The kind of record the rule is about (a workflow's trigger entity; a flow's is the person), when known. */
  about?: string;
}

/** Finds the rules that refer to a name, for a 409 on delete and for "where used". */
export type UsageFinder = (em: EntityManager, reference: Omit<Rename, 'to'>) => Promise<RuleUsage[]>;

/** How a 409 names a rule: `workflow "…"`, `flow "…"`. */
export function ruleLabel(usage: RuleUsage): string {
  return `${usage.kind} "${usage.name}"`;
}

/**
 * Renaming a name that rules refer to rewrites those references in the same transaction
 *, and deleting a name rules still use is refused. Record services announce renames
 * and ask for usages here; the modules that store DSL listen and answer.
 */
@Injectable()
export class RenameListeners {
  private readonly listeners: RenameListener[] = [];
  private readonly finders: UsageFinder[] = [];

  listen(listener: RenameListener, finder?: UsageFinder): void {
    this.listeners.push(listener);
    if (finder) this.finders.push(finder);
  }

  async usages(em: EntityManager, reference: Omit<Rename, 'to'>): Promise<RuleUsage[]> {
    const found: RuleUsage[] = [];
    for (const finder of this.finders) found.push(...(await finder(em, reference)));
    return found;
  }

  async announce(em: EntityManager, rename: Rename): Promise<void> {
    for (const listener of this.listeners) await listener(em, rename);
  }
}

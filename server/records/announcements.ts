import type { EntityManager } from '@mikro-orm/core';

type Listener = (em: EntityManager, ...args: never[]) => Promise<void>;
type Rest<L extends Listener> = L extends (em: EntityManager, ...args: infer A) => Promise<void> ? A : never;

/** Listeners per resource (`person`, `employee`), called in order inside the announcer's transaction. */
export class Announcements<L extends Listener> {
  private readonly listeners = new Map<string, L[]>();

  /** `resource` is the record's snake_case name, e.g. `person`. */
  listen(resource: string, listener: L): void {
    this.listeners.set(resource, [...(this.listeners.get(resource) ?? []), listener]);
  }

  async announce(em: EntityManager, resource: string, ...args: Rest<L>): Promise<void> {
    for (const listener of this.listeners.get(resource) ?? []) await (listener as (em: EntityManager, ...a: Rest<L>) => Promise<void>)(em, ...args);
  }
}

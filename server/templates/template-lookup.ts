import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { TemplateSource } from './template-engine.js';
import { Template } from './template.entity.js';

/** A stored template as the senders render it. */
export type StoredTemplate = TemplateSource & { key: string };

/** How other modules read a template by its key, without reaching into the templates' entity. */
@Injectable()
export class TemplateLookup {
  /**
   * The template with this key, read in the caller's entity manager (its transaction); null when
   * there is none. `detached`: not kept in the manager's identity map (a cache outlives it).
   */
  byKey(em: EntityManager, key: string, options: { detached?: boolean } = {}): Promise<StoredTemplate | null> {
    return em.findOne(Template, { key }, options.detached ? { disableIdentityMap: true } : {});
  }

  /** The templates with these keys (id, key, name, channel); keys without a template are absent. */
  async byKeys(em: EntityManager, keys: readonly string[]): Promise<{ id: string; key: string; name: string; channel: string }[]> {
    if (keys.length === 0) return [];
    return (await em.find(Template, { key: { $in: [...keys] } })).map((t) => ({ id: String(t.id), key: t.key, name: t.name, channel: t.channel }));
  }
}

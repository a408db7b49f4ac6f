import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Form } from './form.entity.js';

/** How other modules read forms by key, without reaching into the forms' entity. */
@Injectable()
export class FormLookup {
  /** The forms with these keys (key and name); keys without a form are absent. */
  async byKeys(em: EntityManager, keys: readonly string[]): Promise<{ key: string; name: string }[]> {
    if (keys.length === 0) return [];
    return (await em.find(Form, { key: { $in: [...keys] } })).map((form) => ({ key: form.key, name: form.name }));
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { copyFlowProgram, parse, print } from '@stroom/dsl';
import type { Principal } from '../auth/principal.js';
import { CatalogLoader } from '../language/catalog-loader.js';
import { Flow } from './flow.entity.js';
import { findFlow } from './find-flow.js';
import { FlowEditing } from './flow-editing.js';

/**
 * Copying a flow: "<name> (kopie)" (or "(kopie 2)", … when taken), not running, the same source
 * with new step ids and no participants.
 */
@Injectable()
export class FlowCopies {
  constructor(private readonly em: EntityManager, private readonly catalogs: CatalogLoader, private readonly editing: FlowEditing) {}

  async copy(id: string, principal?: Principal) {
    const catalog = await this.catalogs.load();
    return this.em.fork().transactional(async (em) => {
      const original = await findFlow(em, id);
      const name = await freeCopyName(em, original.name);
      const source = print(copyFlowProgram(parse(original.source).ast, name));
      return this.editing.createIn(em, { source }, principal, catalog);
    });
  }
}

async function freeCopyName(em: EntityManager, name: string): Promise<string> {
  const base = `${name} (kopie`;
  const taken = new Set((await em.find(Flow, { name: { $like: `${base.replace(/[\\%_]/g, '\\$&')}%` } }, { fields: ['name'] })).map((f) => f.name));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base})` : `${base} ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

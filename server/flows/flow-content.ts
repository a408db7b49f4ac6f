import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { contentOf, parse, type Flow as FlowAst } from '@stroom/dsl';
import { FilesService } from '../files/files.service.js';
import { FormLookup } from '../forms/form-lookup.js';
import { TemplateLookup } from '../templates/template-lookup.js';
import { findFlow } from './find-flow.js';

/**
 * The content a flow uses (its "Inhoud flow"): the templates, forms and attachments that exist,
 * and under `missing` the names the flow refers to that are still to be made.
 */
@Injectable()
export class FlowContent {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: TemplateLookup,
    private readonly forms: FormLookup,
    private readonly files: FilesService,
  ) {}

  async of(id: string) {
    const em = this.em.fork();
    const flow = await findFlow(em, id);
    const refs = contentOf(parse(flow.source).ast.declarations[0] as FlowAst);
    const keys = refs.templates.map((t) => t.key);
    const byKey = <T extends { key: string }>(rows: T[]) => new Map(rows.map((r) => [r.key, r]));
    const templateOf = byKey(await this.templates.byKeys(em, keys));
    const formOf = byKey(await this.forms.byKeys(em, refs.forms));
    const fileOf = await this.files.newestByName(em, refs.files);
    return {
      templates: keys.flatMap((key) => { const t = templateOf.get(key); return t ? [t] : []; }),
      forms: refs.forms.flatMap((key) => { const f = formOf.get(key); return f ? [f] : []; }),
      files: refs.files.flatMap((name) => { const f = fileOf.get(name); return f ? [f] : []; }),
      missing: {
        templates: refs.templates.filter((t) => !templateOf.has(t.key)),
        forms: refs.forms.filter((key) => !formOf.has(key)),
        files: refs.files.filter((name) => !fileOf.has(name)),
      },
    };
  }
}

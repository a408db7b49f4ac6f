import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { contentOf, parse, type Flow as FlowAst } from '@stroom/dsl';
import { StoredFile } from '../files/stored-file.entity.js';
import { Form } from '../forms/form.entity.js';
import { Template } from '../templates/template.entity.js';
import { findFlow } from './find-flow.js';

/**
 * The content a flow uses (its "Inhoud flow"): the templates, forms and attachments that exist,
 * and under `missing` the names the flow refers to that are still to be made.
 */
@Injectable()
export class FlowContent {
  constructor(private readonly em: EntityManager) {}

  async of(id: string) {
    const em = this.em.fork();
    const flow = await findFlow(em, id);
    const refs = contentOf(parse(flow.source).ast.declarations[0] as FlowAst);
    const keys = refs.templates.map((t) => t.key);
    const templates = keys.length ? await em.find(Template, { key: { $in: keys } }) : [];
    const forms = refs.forms.length ? await em.find(Form, { key: { $in: refs.forms } }) : [];
    const files = refs.files.length ? await em.find(StoredFile, { name: { $in: refs.files } }, { fields: ['id', 'name', 'size'], orderBy: { id: 'desc' } }) : [];
    const byKey = <T extends { key: string }>(rows: T[]) => new Map(rows.map((r) => [r.key, r]));
    const templateOf = byKey(templates);
    const formOf = byKey(forms);
    const fileOf = new Map<string, { id: string; name: string; size: number }>();
    for (const file of files) if (!fileOf.has(file.name)) fileOf.set(file.name, file); // the newest of a name, as a send takes it
    return {
      templates: keys.flatMap((key) => { const t = templateOf.get(key); return t ? [{ id: String(t.id), key: t.key, name: t.name, channel: t.channel }] : []; }),
      forms: refs.forms.flatMap((key) => { const f = formOf.get(key); return f ? [{ key: f.key, name: f.name }] : []; }),
      files: refs.files.flatMap((name) => { const f = fileOf.get(name); return f ? [{ id: String(f.id), name: f.name, size: f.size }] : []; }),
      missing: {
        templates: refs.templates.filter((t) => !templateOf.has(t.key)),
        forms: refs.forms.filter((key) => !formOf.has(key)),
        files: refs.files.filter((name) => !fileOf.has(name)),
      },
    };
  }
}

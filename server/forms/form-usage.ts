import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/core';
import { formUsesOf, parse, type Flow as FlowAst, type FormUse } from '@stroom/dsl';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Form } from './form.entity.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { FORM_USAGE_LIST_REF } from './forms-openapi.js';

export interface FormUsage {
  id: string;
  key: string;
  name: string;
  /** The public address a web page's `<form>` posts to (no credentials). */
  submitUrl: string;
  submissions: number;
  flows: { id: string; name: string; status: string; uses: FormUse[] }[];
}

/** The public address of a form: `/f/<key>` on the service's public URL. */
export function formSubmitUrl(publicUrl: string, key: string): string {
  return `${publicUrl}/f/${encodeURIComponent(key)}`;
}

/**
 * Per form: the flows it enrols into, that wait for it or count it as success, and how often it was
 * submitted. Flows are read as DSL text (the flows module owns them); a submission is its
 * `form.submitted` change event.
 */
@Injectable()
export class FormUsages {
  constructor(private readonly em: EntityManager, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async all(): Promise<{ items: FormUsage[] }> {
    const em = this.em.fork();
    const connection = em.getConnection();
    const forms = await em.find(Form, {}, { orderBy: { key: 'asc' } });
    const counted: { form_id: string; n: string }[] = await connection.execute(
      `select "entity_id" as "form_id", count(*) as "n" from "change_event" where "entity" = 'form' and "kind" = 'submitted' group by 1`);
    const submissions = new Map(counted.map((row) => [String(row.form_id), Number(row.n)]));
    const flows: { id: string; name: string; status: string; source: string }[] = await connection.execute(
      `select "id", "name", "status", "source" from "flow" order by "name"`);
    const usesByForm = new Map<string, FormUsage['flows']>();
    for (const flow of flows) {
      const ast = parse(flow.source).ast.declarations[0];
      if (ast?.kind !== 'flow') continue;
      for (const [key, uses] of formUsesOf(ast as FlowAst)) {
        const list = usesByForm.get(key) ?? [];
        list.push({ id: String(flow.id), name: flow.name, status: flow.status, uses });
        usesByForm.set(key, list);
      }
    }
    return {
      items: forms.map((form) => ({
        id: String(form.id),
        key: form.key,
        name: form.name,
        submitUrl: formSubmitUrl(this.config.publicUrl, form.key),
        submissions: submissions.get(String(form.id)) ?? 0,
        flows: usesByForm.get(form.key) ?? [],
      })),
    };
  }
}

@ApiTags('forms')
@ApiBearerAuth()
@Controller('api/form-usage')
export class FormUsageController {
  constructor(private readonly usages: FormUsages) {}

  @Get()
  @ApiOperation({ summary: 'Per form: its public address, the number of submissions and the flows it triggers, is waited for in or counts as success' })
  @ApiAnswers(200, FORM_USAGE_LIST_REF, [401, 403])
  all() {
    return this.usages.all();
  }
}

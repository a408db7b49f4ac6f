import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CatalogLoader, templateVariables } from '../language/catalog-loader.js';
import { Template } from './template.entity.js';

/** The templates in the DSL checker's catalog: key, channel and the merge variables they use. */
@Injectable()
export class TemplatesCatalog implements OnModuleInit {
  constructor(private readonly catalogs: CatalogLoader) {}

  onModuleInit(): void {
    this.catalogs.register(async (em) => {
      const templates = await em.find(Template, {}, { fields: ['key', 'channel', 'subject', 'body'] });
      return { templates: templates.map((t) => ({ key: t.key, channel: t.channel, variables: templateVariables(t) })) };
    });
  }
}

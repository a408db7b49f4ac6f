import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CatalogLoader } from '../language/catalog-loader.js';
import { Form } from './form.entity.js';

/** The web forms' keys in the DSL checker's catalog. */
@Injectable()
export class FormsCatalog implements OnModuleInit {
  constructor(private readonly catalogs: CatalogLoader) {}

  onModuleInit(): void {
    this.catalogs.register(async (em) => ({ forms: (await em.find(Form, {}, { fields: ['key'] })).map((f) => f.key) }));
  }
}

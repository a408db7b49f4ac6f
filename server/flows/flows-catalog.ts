import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CatalogLoader } from '../language/catalog-loader.js';
import { Flow } from './flow.entity.js';

/** The flows' names in the DSL checker's catalog (`move to flow`, exclusions). */
@Injectable()
export class FlowsCatalog implements OnModuleInit {
  constructor(private readonly catalogs: CatalogLoader) {}

  onModuleInit(): void {
    this.catalogs.register(async (em) => ({ flows: (await em.find(Flow, {}, { fields: ['name'] })).map((f) => f.name) }));
  }
}

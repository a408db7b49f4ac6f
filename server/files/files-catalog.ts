import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CatalogLoader } from '../language/catalog-loader.js';
import { FilesService } from './files.service.js';

/** The stored files' names and sizes in the DSL checker's catalog (attachments). */
@Injectable()
export class FilesCatalog implements OnModuleInit {
  constructor(private readonly catalogs: CatalogLoader, private readonly files: FilesService) {}

  onModuleInit(): void {
    this.catalogs.register(async (em) => ({ files: await this.files.namesAndSizes(em) }));
  }
}

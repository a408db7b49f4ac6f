import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { FilesCatalog } from './files-catalog.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { PublicImagesController } from './public-images.controller.js';

@Module({
  imports: [LanguageModule],
  controllers: [FilesController, PublicImagesController],
  providers: [FilesService, FilesCatalog],
  exports: [FilesService],
})
export class FilesModule {}

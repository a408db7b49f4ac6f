import { Module } from '@nestjs/common';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { PublicImagesController } from './public-images.controller.js';

@Module({ controllers: [FilesController, PublicImagesController], providers: [FilesService], exports: [FilesService] })
export class FilesModule {}

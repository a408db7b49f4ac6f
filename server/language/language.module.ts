import { Module } from '@nestjs/common';
import { CatalogLoader } from './catalog-loader.js';
import { DslController } from './dsl.controller.js';

@Module({ controllers: [DslController], providers: [CatalogLoader], exports: [CatalogLoader] })
export class LanguageModule {}

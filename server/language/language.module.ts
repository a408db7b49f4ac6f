import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CatalogLoader } from './catalog-loader.js';
import { DiagnosticsLanguageInterceptor } from './diagnostics-language.interceptor.js';
import { DslController } from './dsl.controller.js';

@Module({
  controllers: [DslController],
  providers: [CatalogLoader, { provide: APP_INTERCEPTOR, useClass: DiagnosticsLanguageInterceptor }],
  exports: [CatalogLoader],
})
export class LanguageModule {}

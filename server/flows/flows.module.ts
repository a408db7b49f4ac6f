import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { FlowsController } from './flows.controller.js';
import { FlowsService } from './flows.service.js';

@Module({ imports: [LanguageModule], controllers: [FlowsController], providers: [FlowsService], exports: [FlowsService] })
export class FlowsModule {}

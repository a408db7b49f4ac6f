import { Module } from '@nestjs/common';
import { LanguageModule } from '../language/language.module.js';
import { FlowsController } from './flows.controller.js';
import { FlowsService } from './flows.service.js';
import { FlowRenames } from './flow-renames.js';

@Module({ imports: [LanguageModule], controllers: [FlowsController], providers: [FlowsService, FlowRenames], exports: [FlowsService] })
export class FlowsModule {}

import { Module } from '@nestjs/common';
import { CrmModule } from '../crm/crm.module.js';
import { DemoSeeder } from './demo-seeder.js';

@Module({ imports: [CrmModule], providers: [DemoSeeder] })
export class SeedModule {}

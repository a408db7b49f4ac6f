import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClockModule } from './clock/clock.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { CrmModule } from './crm/crm.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { FilesModule } from './files/files.module.js';
import { FormsModule } from './forms/forms.module.js';
import { MessagingModule } from './messaging/messaging.module.js';
import { SuppressionsModule } from './suppressions/suppressions.module.js';
import { SchedulingModule } from './scheduling/scheduling.module.js';
import { TemplatesModule } from './templates/templates.module.js';
import { LanguageModule } from './language/language.module.js';
import { WorkflowsModule } from './workflows/workflows.module.js';
import { FlowsModule } from './flows/flows.module.js';
import { ContactPolicyModule } from './contact-policy/contact-policy.module.js';
import { TrackingModule } from './tracking/tracking.module.js';
import { TransferModule } from './transfer/transfer.module.js';
import { RecordsModule } from './records/records.module.js';
import { SeedModule } from './seed/seed.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        ScheduleModule.forRoot(),
        ClockModule,
        DatabaseModule.forRoot(config),
        AuditModule,
        RecordsModule,
        EventsModule,
        SchedulingModule,
        MessagingModule,
        SuppressionsModule,
        FormsModule,
        FilesModule,
        TemplatesModule,
        LanguageModule,
        WorkflowsModule,
        FlowsModule,
        ContactPolicyModule,
        TrackingModule,
        TransferModule,
        AuthModule,
        CrmModule,
        HealthModule,
        SeedModule,
      ],
    };
  }
}

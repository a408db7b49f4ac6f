import { Module } from '@nestjs/common';
import { SessionRevocation } from './session-revocation.js';
import { APP_GUARD } from '@nestjs/core';
import { CrmModule } from '../crm/crm.module.js';
import { EventsModule } from '../events/events.module.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionService } from './session.service.js';

@Module({
  imports: [EventsModule, CrmModule],
  controllers: [AuthController],
  providers: [SessionService, SessionRevocation, LoginThrottle, AdminBootstrap, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionService],
})
export class AuthModule {}

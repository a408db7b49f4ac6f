import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Clock, ManualClock, SystemClock } from './clock.js';
import { ClockStore } from './clock-store.js';

@Global()
@Module({
  providers: [
    { provide: Clock, useFactory: (config: AppConfig) => (config.clock === 'manual' ? new ManualClock(new Date()) : new SystemClock()), inject: [APP_CONFIG] },
    ClockStore,
  ],
  exports: [Clock, ClockStore],
})
export class ClockModule {}

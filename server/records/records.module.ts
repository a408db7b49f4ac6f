import { Global, Module } from '@nestjs/common';
import { RenameListeners } from './rename-listeners.js';

/** What every module storing records shares: the rename announcements. */
@Global()
@Module({ providers: [RenameListeners], exports: [RenameListeners] })
export class RecordsModule {}

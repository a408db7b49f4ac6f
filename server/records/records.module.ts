import { Global, Module } from '@nestjs/common';
import { DeletionListeners } from './deletion-listeners.js';
import { RenameListeners } from './rename-listeners.js';

/** What every module storing records shares: the rename and deletion announcements. */
@Global()
@Module({ providers: [RenameListeners, DeletionListeners], exports: [RenameListeners, DeletionListeners] })
export class RecordsModule {}

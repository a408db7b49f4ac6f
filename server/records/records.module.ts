import { Global, Module } from '@nestjs/common';
import { DeletionListeners } from './deletion-listeners.js';
import { RenameListeners } from './rename-listeners.js';
import { UpdateListeners } from './update-listeners.js';

/** What every module storing records shares: the rename, deletion and update announcements. */
@Global()
@Module({ providers: [RenameListeners, DeletionListeners, UpdateListeners], exports: [RenameListeners, DeletionListeners, UpdateListeners] })
export class RecordsModule {}

import { Global, Module } from '@nestjs/common';
import { DeletionListeners } from './deletion-listeners.js';
import { RecordNames } from './record-names.js';
import { RenameListeners } from './rename-listeners.js';
import { UpdateListeners } from './update-listeners.js';

/** What every module storing records shares: the rename, deletion and update announcements, and who is behind an id. */
@Global()
@Module({ providers: [RenameListeners, DeletionListeners, UpdateListeners, RecordNames], exports: [RenameListeners, DeletionListeners, UpdateListeners, RecordNames] })
export class RecordsModule {}

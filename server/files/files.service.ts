import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { pagingQuery } from '../common/paging.js';
import { parseInput } from '../common/validation.js';
import { StoredFile } from './stored-file.entity.js';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface UploadedContent {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export function fileJson(file: StoredFile) {
  return { id: String(file.id), name: file.name, type: file.type, size: file.size, createdAt: file.createdAt.toISOString() };
}

/** Stores and serves attachments (≤ 25 MB each). */
@Injectable()
export class FilesService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async upload(upload: UploadedContent | undefined) {
    if (!upload) throw new BadInputError('file: send the file as multipart/form-data in a field named "file"', { field: 'file' }, { code: 'file.missing' });
    const name = upload.originalname.replace(/[\\/\0]/g, '_').slice(0, 255) || 'file';
    const em = this.em.fork();
    const file = em.create(StoredFile, { name, type: upload.mimetype || 'application/octet-stream', size: upload.size, content: upload.buffer, createdAt: this.clock.now() });
    await em.flush();
    return fileJson(file);
  }

  async list(query: Record<string, unknown>) {
    const { limit, offset } = parseInput(pagingQuery, query, 'query');
    const [rows, total] = await this.em.fork().findAndCount(StoredFile, {}, { orderBy: { id: 'desc' }, limit, offset });
    return { items: rows.map(fileJson), total };
  }

  async get(id: string) {
    return fileJson(await this.find(this.em.fork(), id, false));
  }

  async content(id: string): Promise<StoredFile> {
    return this.find(this.em.fork(), id, true);
  }

  async remove(id: string): Promise<void> {
    const em = this.em.fork();
    const file = await this.find(em, id, false);
    await em.remove(file).flush();
  }

  private async find(em: EntityManager, id: string, withContent: boolean): Promise<StoredFile> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundError(`No file with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: 'file', id } });
    const file = await em.findOne(StoredFile, { id }, withContent ? { populate: ['content'] } : {});
    if (!file) throw new NotFoundError(`No file with id ${id}`, { code: 'record.not_found', params: { entity: 'file', id } });
    return file;
  }
}

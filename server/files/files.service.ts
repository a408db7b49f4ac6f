import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Clock } from '../clock/clock.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { containsPattern } from '../common/like.js';
import type { FilesQuery } from './files-input.js';
import { StoredFile } from './stored-file.entity.js';
import { imageType, imageTypeProblem } from './served-type.js';
import { RECORD_ID } from '../common/validation.js';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface UploadedContent {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export function fileJson(file: StoredFile, publicUrl: string) {
  return {
    id: String(file.id), name: file.name, type: file.type, size: file.size, createdAt: file.createdAt.toISOString(),
    ...(file.publicToken ? { url: `${publicUrl}/img/${file.publicToken}` } : {}),
  };
}

/** Bytes of randomness in an image's public address: not guessable, not enumerable. */
const TOKEN_BYTES = 24;

/** Stores and serves attachments (≤ 25 MB each). */
@Injectable()
export class FilesService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The newest file of each of these names (as a send attaches it): id, name and size; names without a file are absent. */
  async newestByName(em: EntityManager, names: readonly string[]): Promise<Map<string, { id: string; name: string; size: number }>> {
    const found = new Map<string, { id: string; name: string; size: number }>();
    if (names.length === 0) return found;
    const files = await em.find(StoredFile, { name: { $in: [...names] } }, { fields: ['id', 'name', 'size'], orderBy: { id: 'desc' } });
    for (const file of files) if (!found.has(file.name)) found.set(file.name, { id: String(file.id), name: file.name, size: Number(file.size) });
    return found;
  }

  /** Every file's name and size (not its content), oldest first: what the DSL checker needs of attachments. */
  async namesAndSizes(em: EntityManager): Promise<{ name: string; size: number }[]> {
    const files = await em.find(StoredFile, {}, { fields: ['name', 'size'], orderBy: { id: 'asc' } });
    return files.map((file) => ({ name: file.name, size: Number(file.size) }));
  }

  async upload(upload: UploadedContent | undefined) {
    return this.json(await this.store(uploaded(upload), null));
  }

  /**
   * An image for an e-mail: its bytes must be a PNG, JPEG, GIF or WebP image (and the type the
   * uploader claims must agree with them); it gets a public, unguessable address at /img/<token>.
   */
  async uploadImage(upload: UploadedContent | undefined) {
    const content = uploaded(upload);
    const type = await imageType(content.buffer);
    const problem = imageTypeProblem(type, content.mimetype);
    if (problem) throw new BadInputError(`file: ${problem.message}`, { field: 'file' }, { code: problem.code, params: problem.params });
    return this.json(await this.store({ ...content, mimetype: type! }, randomBytes(TOKEN_BYTES).toString('base64url')));
  }

  /** A published image's content by its public token, or undefined. */
  async publicImage(token: string): Promise<StoredFile | undefined> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
    return (await this.em.fork().findOne(StoredFile, { publicToken: token }, { populate: ['content'] })) ?? undefined;
  }

  /** The newest file of each name with its size (a send attaches the newest of a name). */
  async sizesByName(names: readonly string[]): Promise<Map<string, number>> {
    const sizes = new Map<string, number>();
    if (names.length === 0) return sizes;
    const files = await this.em.fork().find(StoredFile, { name: { $in: [...names] } }, { fields: ['id', 'name', 'size'], orderBy: { id: 'desc' } });
    for (const file of files) if (!sizes.has(file.name)) sizes.set(file.name, file.size);
    return sizes;
  }

  private async store(upload: UploadedContent, publicToken: string | null): Promise<StoredFile> {
    const name = upload.originalname.replace(/[\\/\0]/g, '_').slice(0, 255) || 'file';
    const em = this.em.fork();
    const file = em.create(StoredFile, { name, type: upload.mimetype || 'application/octet-stream', size: upload.size, content: upload.buffer, createdAt: this.clock.now(), publicToken });
    await em.flush();
    return file;
  }

  private json(file: StoredFile) {
    return fileJson(file, this.config.publicUrl);
  }

  async list({ limit, offset, q }: FilesQuery) {
    const where = q?.trim() ? { name: { $ilike: containsPattern(q.trim()) } } : {};
    const [rows, total] = await this.em.fork().findAndCount(StoredFile, where, { orderBy: { id: 'desc' }, limit, offset });
    return { items: rows.map((row) => this.json(row)), total };
  }

  async get(id: string) {
    return this.json(await this.find(this.em.fork(), id, false));
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
    if (!RECORD_ID.test(id)) throw new NotFoundError(`No file with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: 'file', id } });
    const file = await em.findOne(StoredFile, { id }, withContent ? { populate: ['content'] } : {});
    if (!file) throw new NotFoundError(`No file with id ${id}`, { code: 'record.not_found', params: { entity: 'file', id } });
    return file;
  }
}

function uploaded(upload: UploadedContent | undefined): UploadedContent {
  if (!upload) throw new BadInputError('file: send the file as multipart/form-data in a field named "file"', { field: 'file' }, { code: 'file.missing' });
  return upload;
}

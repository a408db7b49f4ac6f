import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator.js';
import { FilesService, MAX_FILE_BYTES, type UploadedContent } from './files.service.js';
import { FILE_RESPONSE_HEADERS, servedType } from './served-type.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { filesQuery, type FilesQuery } from './files-input.js';
import { ApiFileContent, STORED_FILE_LIST_REF, STORED_FILE_REF } from './files-openapi.js';

@ApiTags('files')
@ApiBearerAuth()
@Controller('api/files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @Roles('flow_admin', 'content_editor')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({ summary: 'Upload an attachment (multipart field "file", at most 25 MB)' })
  @ApiAnswers(201, STORED_FILE_REF, [400, 401, 403, 413])
  upload(@UploadedFile() file: UploadedContent | undefined) {
    return this.files.upload(file);
  }

  @Post('images')
  @Roles('flow_admin', 'content_editor')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({ summary: 'Upload an image for e-mails (PNG, JPEG, GIF or WebP by its bytes): answers the file with its public url /img/<token>' })
  @ApiAnswers(201, STORED_FILE_REF, [400, 401, 403, 413])
  uploadImage(@UploadedFile() file: UploadedContent | undefined) {
    return this.files.uploadImage(file);
  }

  @Get()
  @ApiOperation({ summary: 'List uploaded files, newest first' })
  @ApiAnswers(200, STORED_FILE_LIST_REF, [400, 401, 403])
  list(@Query(new ZodPipe(filesQuery)) query: FilesQuery) {
    return this.files.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One stored file: its name, type and size (the bytes under /content)' })
  @ApiAnswers(200, STORED_FILE_REF, [401, 403, 404])
  get(@Param('id') id: string) {
    return this.files.get(id);
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'Download the file' })
  @ApiFileContent([401, 403, 404])
  async download(@Param('id') id: string, @Res() res: Response) {
    const file = await this.files.content(id);
    res.setHeader('content-type', await servedType(file.content));
    for (const [name, value] of Object.entries(FILE_RESPONSE_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.send(file.content);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Delete a stored file' })
  remove(@Param('id') id: string) {
    return this.files.remove(id);
  }
}

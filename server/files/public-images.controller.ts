import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator.js';
import { NotFoundError } from '../common/errors.js';
import { FilesService } from './files.service.js';
import { imageType } from './served-type.js';
import { ApiPublicImageAnswers } from './files-openapi.js';

/**
 * Images placed in e-mails, served without credentials at an unguessable address so that any
 * e-mail client (and webmail on another origin) can load them; the type comes from the bytes.
 */
@ApiTags('files')
@Public()
@Controller('img')
export class PublicImagesController {
  constructor(private readonly files: FilesService) {}

  @Get(':token')
  @ApiOperation({ summary: 'A published e-mail image (no credentials)' })
  @ApiPublicImageAnswers()
  async image(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const file = await this.files.publicImage(token);
    const type = file && (await imageType(file.content));
    if (!file || !type) throw new NotFoundError('No image at this address', { code: 'record.not_found', params: { entity: 'image', id: token } });
    res.setHeader('content-type', type);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "sandbox; default-src 'none'");
    res.setHeader('cross-origin-resource-policy', 'cross-origin');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.send(file.content);
  }
}

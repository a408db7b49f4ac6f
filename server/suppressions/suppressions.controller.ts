import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { ANY_ROLE, Roles } from '../auth/roles.decorator.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import { containsPattern } from '../common/like.js';
import { paging } from '../common/paging.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { Suppression } from './suppression.entity.js';
import { normalAddress, SuppressionList } from './suppression-list.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { SUPPRESSION_LIST_REF, SUPPRESSION_REF } from './suppressions-openapi.js';

const listQuery = z.strictObject({ ...paging, address: z.string().max(320).optional() });
type SuppressionsQuery = z.output<typeof listQuery>;
const addBody = z.strictObject({ address: z.email().max(320) });
type SuppressionBody = z.output<typeof addBody>;

const json = (s: Suppression) => ({ address: s.address, reason: s.reason, createdAt: s.createdAt.toISOString() });

/** The suppression list: addresses no e-mail goes to, with why and since when. */
@ApiTags('suppressions')
@ApiBearerAuth()
@Controller('api/suppressions')
export class SuppressionsController {
  constructor(
    private readonly em: EntityManager,
    private readonly list: SuppressionList,
  ) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Suppressed addresses {address, reason, createdAt}, newest first' })
  @ApiQuery({ name: 'address', required: false, description: 'part of the address' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiAnswers(200, SUPPRESSION_LIST_REF, [400, 401, 403])
  async index(@Query(new ZodPipe(listQuery)) q: SuppressionsQuery) {
    const where = q.address ? { address: { $ilike: containsPattern(q.address) } } : {};
    const [items, total] = await this.em.fork().findAndCount(Suppression, where, { orderBy: { createdAt: 'desc', address: 'asc' }, limit: q.limit, offset: q.offset });
    return { items: items.map(json), total };
  }

  @Post()
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Suppress an address by hand {address} (reason manual)' })
  @ApiAnswers(201, SUPPRESSION_REF, [400, 401, 403, 409, 413])
  async add(@Body(new ZodPipe(addBody)) { address }: SuppressionBody) {
    return this.em.fork().transactional(async (em) => {
      if (!(await this.list.suppress(em, address, 'manual'))) {
        throw new ConflictError(`${normalAddress(address)} is already suppressed`, undefined, { code: 'suppression.exists', params: { address: normalAddress(address) } });
      }
      return json(await em.findOneOrFail(Suppression, { address: normalAddress(address) }));
    });
  }

  @Delete(':address')
  @HttpCode(204)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Remove an address from the suppression list: e-mail goes to it again' })
  async remove(@Param('address') address: string): Promise<void> {
    const removed = await this.em.fork().transactional((em) => this.list.remove(em, address));
    if (!removed) throw new NotFoundError(`${normalAddress(address)} is not suppressed`, { code: 'suppression.not_found', params: { address: normalAddress(address) } });
  }
}

import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/core';
import { Public } from '../auth/roles.decorator.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ApiAnswers, ERROR_REF } from '../common/openapi-components.js';
import { HEALTH_REF } from './health-openapi.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database kind; 503 when the database does not answer' })
  @ApiAnswers(200, HEALTH_REF, [])
  @ApiResponse({ status: 503, description: 'The database does not answer', content: { 'application/json': { schema: { $ref: ERROR_REF } } } })
  async health(): Promise<{ status: 'ok'; database: AppConfig['database'] }> {
    try {
      await this.em.getConnection().execute('select 1');
    } catch {
      throw new ServiceUnavailableException('The database does not answer');
    }
    return { status: 'ok', database: this.config.database };
  }
}

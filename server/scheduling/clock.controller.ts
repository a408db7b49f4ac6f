import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator.js';
import { Clock } from '../clock/clock.js';
import { ClockStore } from '../clock/clock-store.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { ClockAdvancer } from './clock-advancer.js';
import { CLOCK_TIME_REF } from './clock-openapi.js';
import { parseIsoDuration } from './iso-duration.js';

const advanceBody = z
  .strictObject({
    by: z.string().max(64).optional(),
    to: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' }).optional(),
  })
  .refine((b) => (b.by === undefined) !== (b.to === undefined), { message: 'give either "by" (an ISO 8601 duration such as P3D) or "to"', params: { code: 'clock.by_or_to' } });
type AdvanceBody = z.output<typeof advanceBody>;

const DAY_MS = 86_400_000;
/**
 * The furthest one call moves the clock (five years): the advance stops at every due job on the way,
 * daily ones included, so a move to the year 9999 would hold the request for hours.
 */
const MAX_ADVANCE_DAYS = 1_827;

/** The virtual clock of CLOCK=manual; 404 in normal mode. */
@ApiTags('clock')
@ApiBearerAuth()
@Controller('api/clock')
export class ClockController {
  constructor(
    private readonly clock: Clock,
    private readonly store: ClockStore,
    private readonly advancer: ClockAdvancer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The virtual time (CLOCK=manual only; 404 otherwise)' })
  @ApiAnswers(200, CLOCK_TIME_REF, [401, 403, 404])
  async now() {
    this.assertManual();
    await this.store.refresh();
    return { now: this.clock.now().toISOString() };
  }

  @Post('advance')
  @HttpCode(200)
  @Roles('flow_admin')
  @ApiOperation({ summary: 'Move virtual time by a duration or to a time; returns after all work due by then has run' })
  @ApiBody({ schema: { type: 'object', properties: { by: { type: 'string', example: 'P3D' }, to: { type: 'string', format: 'date-time' } } } })
  @ApiAnswers(200, CLOCK_TIME_REF, [400, 401, 403, 404, 413])
  async advance(@Body(new ZodPipe(advanceBody)) { by, to }: AdvanceBody) {
    this.assertManual();
    await this.store.refresh();
    const target = to ? new Date(to) : new Date(this.clock.now().getTime() + parseIsoDuration(by!));
    if (target.getTime() - this.clock.now().getTime() > MAX_ADVANCE_DAYS * DAY_MS) {
      const field = to ? 'to' : 'by';
      throw new BadInputError(`${field}: the clock moves at most ${MAX_ADVANCE_DAYS} days at a time (every due job on the way runs at its own time)`, { field }, { code: 'clock.too_far', params: { field, days: MAX_ADVANCE_DAYS } });
    }
    return { now: (await this.advancer.advanceTo(target)).toISOString() };
  }

  private assertManual(): void {
    if (!this.clock.manual) throw new NotFoundError('The clock can only be read and moved when the service runs with CLOCK=manual', { code: 'clock.not_manual' });
  }
}

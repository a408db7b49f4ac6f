import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { ANY_ROLE, Roles } from '../auth/roles.decorator.js';
import { BadInputError } from '../common/errors.js';
import { parseInput, recordId } from '../common/validation.js';
import { ChangeRecorder } from './change-recorder.js';

const behaviourBody = z.strictObject({
  type: z.string().max(100).regex(/^[a-z][a-z_]*\.[a-z][a-z_]*$/, "expected '<entity>.<behaviour>', e.g. link.clicked")
    .refine((type) => !/\.(created|updated|deleted)$/.test(type), { message: 'record changes come from the CRM endpoints, not from events', params: { code: 'event.record_change' } }),
  personId: recordId,
  data: z.record(z.string(), z.unknown()).optional(),
});

/** External behaviour events (SPEC §6), e.g. from a mail tracker: they feed flow triggers, waits and success. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class BehaviourEventsController {
  constructor(
    private readonly em: EntityManager,
    private readonly recorder: ChangeRecorder,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Record a behaviour event {type, personId, data}, e.g. link.clicked or email.opened' })
  async record(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(behaviourBody, body);
    if (JSON.stringify(input.data ?? {}).length > 64_000) throw new BadInputError('data: at most 64 kB', { field: 'data' }, { code: 'data.too_large', params: { field: 'data' } });
    return this.em.fork().transactional(async (em) => {
      const found: unknown[] = await em.getConnection().execute(`select 1 from "person" where "id" = ?`, [input.personId], 'all', em.getTransactionContext());
      if (found.length === 0) throw new BadInputError(`personId: no person with id ${input.personId}`, { field: 'personId' }, { code: 'person.unknown_ids', params: { field: 'personId', ids: [input.personId] } });
      const [entity, kind] = input.type.split('.') as [string, string];
      const event = this.recorder.record(em, { entity, entityId: input.personId, kind, data: { ...input.data, person_id: input.personId }, actor: actorOf(principal) });
      await em.flush();
      return { id: String(event.id), type: input.type, personId: input.personId };
    });
  }
}

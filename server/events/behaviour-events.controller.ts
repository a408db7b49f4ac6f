import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { ANY_ROLE, Roles } from '../auth/roles.decorator.js';
import { BadInputError } from '../common/errors.js';
import { parseInput, recordId } from '../common/validation.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { findMessage } from '../messaging/message-lookup.js';
import { ChangeRecorder } from './change-recorder.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { RECORDED_EVENT_REF } from './events-openapi.js';

const behaviourBody = z.strictObject({
  type: z.string().max(100).regex(/^[a-z][a-z_]*\.[a-z][a-z_]*$/, "expected '<entity>.<behaviour>', e.g. link.clicked")
    .refine((type) => !/\.(created|updated|deleted)$/.test(type), { message: 'record changes come from the CRM endpoints, not from events', params: { code: 'event.record_change' } }),
  personId: recordId.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
type BehaviourBody = z.output<typeof behaviourBody>;

/** Bounces and complaints name the message or the address; the person is then found from them. */
const feedbackData = {
  'email.bounced': z.object({ messageId: z.string().max(500).optional(), address: z.email().max(320).optional(), kind: z.enum(['hard', 'soft']), status: z.string().max(20).optional() }),
  'email.complained': z.object({ messageId: z.string().max(500).optional(), address: z.email().max(320).optional() }),
} as const;

/**
 * What a bounce or complaint concerns: the message it names (our id, for the statistics) and its
 * person, else the one person with that address.
 */
async function concerned(em: EntityManager, data: Record<string, unknown>): Promise<{ personId?: string; messageId?: string }> {
  const connection = em.getConnection();
  const tx = em.getTransactionContext();
  const message = typeof data.messageId === 'string' ? await findMessage(em, data.messageId) : undefined;
  if (message?.personId) return { personId: message.personId, messageId: message.id };
  if (typeof data.address === 'string') {
    const rows = await connection.execute<{ id: string }[]>(`select "id" from "person" where lower("email") = lower(?) order by "id" limit 2`, [data.address], 'all', tx);
    if (rows.length === 1) return { personId: String(rows[0]!.id), messageId: message?.id };
  }
  return { messageId: message?.id };
}

/** External behaviour events, e.g. from a mail tracker: they feed flow triggers, waits and success. */
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
  @ApiAnswers(202, RECORDED_EVENT_REF, [400, 401, 403, 413])
  async record(@Body(new ZodPipe(behaviourBody)) input: BehaviourBody, @CurrentPrincipal() principal: Principal) {
    if (JSON.stringify(input.data ?? {}).length > 64_000) throw new BadInputError('data: at most 64 kB', { field: 'data' }, { code: 'data.too_large', params: { field: 'data' } });
    const feedback = feedbackData[input.type as keyof typeof feedbackData];
    if (feedback) {
      const data = parseInput(z.object({ data: feedback }), { data: input.data ?? {} });
      if (!data.data.messageId && !data.data.address && !input.personId) throw new BadInputError('data: name the messageId or the address', { field: 'data.address' }, { code: 'validation.required', params: { field: 'data.address' } });
    } else if (!input.personId) {
      throw new BadInputError('personId: required', { field: 'personId' }, { code: 'validation.required', params: { field: 'personId' } });
    }
    return this.em.fork().transactional(async (em) => {
      const concern = feedback ? await concerned(em, input.data ?? {}) : {};
      const personId = input.personId ?? concern.personId;
      if (input.personId) {
        const found: unknown[] = await em.getConnection().execute(`select 1 from "person" where "id" = ?`, [input.personId], 'all', em.getTransactionContext());
        if (found.length === 0) throw new BadInputError(`personId: no person with id ${input.personId}`, { field: 'personId' }, { code: 'person.unknown_ids', params: { field: 'personId', ids: [input.personId] } });
      }
      const [entity, kind] = input.type.split('.') as [string, string];
      // A bounce of an address no person has is still recorded (it suppresses the address).
      const data = { ...input.data, ...(personId ? { person_id: personId } : {}), ...(concern.messageId ? { message: concern.messageId } : {}) };
      const event = this.recorder.record(em, { entity, entityId: personId ?? '0', kind, data, actor: actorOf(principal) });
      await em.flush();
      return { id: String(event.id), type: input.type, personId: personId ?? null };
    });
  }
}

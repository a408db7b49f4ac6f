import { Body, Controller, HttpCode, Inject, Injectable, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/core';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { ANY_ROLE, Roles } from '../auth/roles.decorator.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { ZodPipe } from '../common/zod-pipe.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import type { BaseRecord } from '../records/base-record.js';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { RecordService } from '../records/record.service.js';
import { Form } from './form.entity.js';
import { submissionBody, type SubmissionInput } from './form-submission-input.js';
import { ApiAnswers } from '../common/openapi-components.js';
import { FORM_SUBMISSION_REF } from './forms-openapi.js';

/**
 * A web form submitted: the person is found by e-mail (any case) or created with the
 * given fields, and `form.submitted` is recorded with the answers, all in one transaction.
 */
@Injectable()
export class FormSubmissions {
  constructor(
    private readonly em: EntityManager,
    private readonly recorder: ChangeRecorder,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
  ) {}

  async submit(key: string, input: SubmissionInput, principal?: Principal) {
    return this.record(key, input, actorOf(principal), principal);
  }

  /** A submission through the public address: no principal, and the answer says nothing about the person. */
  async submitPublic(key: string, input: SubmissionInput): Promise<void> {
    await this.record(key, input, 'web-form');
  }

  private async record(key: string, input: SubmissionInput, actor: string, principal?: Principal) {
    if (JSON.stringify(input.answers ?? {}).length > 64_000) throw new BadInputError('answers: at most 64 kB', { field: 'answers' }, { code: 'data.too_large', params: { field: 'answers' } });
    return this.em.fork().transactional(async (em) => {
      const form = await em.findOne(Form, { key });
      if (!form) throw new NotFoundError(`No form with key ${JSON.stringify(key)}`, { code: 'form.not_found', params: { key } });
      const rows = await em.getConnection().execute<{ id: string }[]>(
        `select "id" from "person" where lower("email") = lower(?) limit 1`, [input.person.email], 'all', em.getTransactionContext());
      const existing = rows[0] ? String(rows[0].id) : undefined;
      const personId = existing ?? String((await this.people.createIn(em, input.person, principal)).id);
      const event = this.recorder.record(em, {
        entity: 'form', entityId: String(form.id), kind: 'submitted', actor,
        data: { person_id: personId, form_key: form.key, answers: input.answers ?? {} },
      });
      await em.flush();
      return { id: String(event.id), personId, personCreated: !existing };
    });
  }
}

@ApiTags('forms')
@ApiBearerAuth()
@Controller('api/forms')
export class FormSubmissionsController {
  constructor(private readonly submissions: FormSubmissions) {}

  @Post(':key/submissions')
  @HttpCode(201)
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A form submitted: finds or creates the person by e-mail and records form.submitted' })
  @ApiAnswers(201, FORM_SUBMISSION_REF, [400, 401, 403, 404, 413])
  submit(@Param('key') key: string, @Body(new ZodPipe(submissionBody)) body: SubmissionInput, @CurrentPrincipal() principal: Principal) {
    return this.submissions.submit(key, body, principal);
  }
}

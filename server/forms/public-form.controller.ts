import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Public } from '../auth/roles.decorator.js';
import { BadInputError } from '../common/errors.js';
import { HttpErrorFilter } from '../common/http-error.filter.js';
import { languageOf } from '../common/request-language.js';
import { parseInput } from '../common/validation.js';
import { FormSubmissions } from './form-submissions.js';
import { PostedFieldsPipe, type SubmissionInput } from './form-submission-input.js';
import { PUBLIC_FORM_ANSWERS, PUBLIC_FORM_BODY } from './forms-openapi.js';

const PERSON_FIELDS = ['email', 'firstName', 'lastName', 'mobile'] as const;
const MAX_ANSWERS = 50;
const answer = z.union([z.string().max(5000), z.array(z.string().max(5000)).max(50)]);

/** A web page's form fields, flat: the person's own fields by name, every other field an answer. */
const publicFields = z.object({
  email: z.string().trim().email('expected an e-mail address').max(255),
  firstName: z.string().trim().max(255).optional(),
  lastName: z.string().trim().max(255).optional(),
  mobile: z.string().trim().max(50).optional(),
}).catchall(answer);

function toSubmission(posted: Record<string, unknown>): SubmissionInput {
  const flat = { ...posted };
  // An empty input of a web form arrives as "": the person simply did not fill it in.
  for (const field of PERSON_FIELDS) if (field !== 'email' && flat[field] === '') delete flat[field];
  const fields = parseInput(publicFields, flat);
  const answers = Object.fromEntries(Object.entries(fields).filter(([name]) => !(PERSON_FIELDS as readonly string[]).includes(name)));
  if (Object.keys(answers).length > MAX_ANSWERS) throw new BadInputError(`answers: at most ${MAX_ANSWERS} fields`, { field: 'answers' }, { code: 'data.too_large', params: { field: 'answers' } });
  const { email, firstName, lastName, mobile } = fields;
  return { person: { email, ...(firstName ? { firstName } : {}), ...(lastName ? { lastName } : {}), ...(mobile ? { mobile } : {}) }, answers };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, text: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>`
    + `<body style="font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
}

function ApiPublicFormAnswers(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const answer of PUBLIC_FORM_ANSWERS) ApiResponse(answer)(target, key, descriptor);
  };
}

/**
 * The public address of a web form, `POST /f/<key>`: the `<form>` on a web site posts its fields here
 * (form-encoded or JSON) without credentials. A browser gets a short thank-you page, a script
 * `201 {received: true}`; neither says whether the person was known.
 */
@ApiTags('forms')
@Public()
@Controller('f')
export class PublicFormController {
  private readonly errors = new HttpErrorFilter();

  constructor(private readonly submissions: FormSubmissions) {}

  @Post(':key')
  @ApiOperation({ summary: 'A web form posted to its public address (no credentials): fields email, firstName, lastName, mobile; every other field is an answer' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ schema: PUBLIC_FORM_BODY })
  @ApiPublicFormAnswers()
  async submit(@Param('key') key: string, @Body(new PostedFieldsPipe()) fields: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const html = request.accepts(['json', 'html']) === 'html';
    try {
      await this.submissions.submitPublic(key, toSubmission(fields));
    } catch (error) {
      if (!html) throw error;
      const answer = this.errors.toBody(error, languageOf(request.headers['accept-language']));
      if (answer.statusCode >= 500) throw error;
      response.status(answer.statusCode).type('html').send(page(answer.statusCode === 404 ? 'Formulier niet gevonden' : 'Niet verstuurd', answer.message));
      return;
    }
    if (html) response.status(200).type('html').send(page('Bedankt!', 'Uw gegevens zijn ontvangen. We nemen zo snel mogelijk contact met u op.'));
    else response.status(201).json({ received: true });
  }
}

import { describe, expect, it } from '@jest/globals';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { NotFoundException, PayloadTooLargeException, ServiceUnavailableException } from '@nestjs/common';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, TooManyRequestsError } from './errors.js';
import { HttpErrorFilter } from './http-error.filter.js';
import { parseInput } from './validation.js';
import { z } from 'zod';

const filter = new HttpErrorFilter();

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

describe('HttpErrorFilter', () => {
  it('answers a coded error in Dutch or English with its code and params', () => {
    const error = new NotFoundError('No person with id 9', { code: 'record.not_found', params: { entity: 'person', id: '9' } });
    expect(filter.toBody(error, 'nl')).toEqual({ statusCode: 404, error: 'Not Found', code: 'record.not_found', message: 'Geen persoon met id 9', params: { entity: 'person', id: '9' } });
    expect(filter.toBody(error, 'en').message).toBe('No person with id 9');
  });

  it('gives each field issue its code, params and message, and joins them as the message', () => {
    const schema = z.strictObject({ delayDays: z.number().int().min(0), name: z.string(), kind: z.enum(['a', 'b']) });
    const error = thrown(() => parseInput(schema, { delayDays: -1, kind: 'c', colour: 'red' }));
    const nl = filter.toBody(error, 'nl');
    expect(nl).toMatchObject({ statusCode: 400, code: 'validation.failed' });
    const issues = (nl.details as { issues: unknown[] }).issues;
    expect(issues).toHaveLength(4);
    expect(issues).toEqual(expect.arrayContaining([
      { field: 'colour', code: 'validation.unknown_field', params: { field: 'colour' }, message: "onbekend veld 'colour'" },
      { field: 'delayDays', code: 'validation.min', params: { min: 0 }, message: 'minimaal 0' },
      { field: 'name', code: 'validation.required', params: {}, message: 'verplicht' },
      { field: 'kind', code: 'validation.enum', params: { options: ['a', 'b'] }, message: 'verwacht een van a, b' },
    ]));
    expect(nl.message).toContain('delayDays: minimaal 0');
    expect(filter.toBody(error, 'en').message).toContain('delayDays: must be at least 0');
  });

  it('puts the context of a wrapped error before its message', () => {
    const inner = new ConflictError('A running flow cannot be edited: pause it first', undefined, { code: 'flow.running_edit' });
    const wrapped = new DomainError(409, 'Conflict', `flow "X": ${inner.message}`, undefined, { code: inner.code, params: inner.params, context: 'flow "X"' });
    expect(filter.toBody(wrapped, 'nl').message).toBe('flow "X": Een actieve flow kan niet worden bewerkt: pauzeer hem eerst');
    expect(filter.toBody(wrapped, 'en').message).toBe('flow "X": A running flow cannot be edited: pause it first');
  });

  it('codes Nest exceptions: an unknown route, a file too large, an unavailable service', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /api/nothing'), 'nl')).toMatchObject({ code: 'route.not_found', message: 'GET /api/nothing bestaat niet', params: { method: 'GET', path: '/api/nothing' } });
    expect(filter.toBody(new PayloadTooLargeException('File too large'), 'nl')).toMatchObject({ statusCode: 413, code: 'file.too_large', message: 'Het bestand is te groot: hoogstens 25 MB' });
    const unavailable = new ServiceUnavailableException('The database does not answer');
    expect(filter.toBody(unavailable, 'en')).toMatchObject({ statusCode: 503, code: 'service.unavailable', message: 'The database does not answer' });
    expect(filter.toBody(unavailable, 'nl').message).toMatch(/^De database/);
  });

  it('codes a rate limit (429) and an unexpected fault (500)', () => {
    const limited = new TooManyRequestsError('Too many sign-in attempts from this address: at most 5 a minute', undefined, { code: 'auth.too_many_attempts', params: { limit: 5 } });
    expect(filter.toBody(limited, 'nl')).toMatchObject({ statusCode: 429, code: 'auth.too_many_attempts', message: 'Te veel aanmeldpogingen vanaf dit adres: hoogstens 5 per minuut' });
    expect(filter.toBody(new Error('boom'), 'nl')).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: 'Interne serverfout' });
  });

  it('codes the database refusing a duplicate or a deletion others still reference (409)', () => {
    expect(filter.toBody(new UniqueConstraintViolationException(new Error('duplicate key')), 'nl')).toEqual({ statusCode: 409, error: 'Conflict', code: 'record.duplicate', message: 'Er bestaat al een record met dezelfde unieke waarde' });
    expect(filter.toBody(new ForeignKeyConstraintViolationException(new Error('violates foreign key')), 'en')).toEqual({ statusCode: 409, error: 'Conflict', code: 'record.referenced', message: 'The record is referenced by other records' });
  });

  it('keeps the message of an error thrown without a code of its own, and localises the default texts', () => {
    expect(filter.toBody(new ConflictError('Pause the flow first'), 'nl')).toMatchObject({ code: 'conflict', message: 'Pause the flow first' });
    expect(filter.toBody(new ForbiddenError(), 'nl')).toMatchObject({ code: 'auth.forbidden', message: 'Uw rol staat dit niet toe' });
  });

  it('falls back to the thrown English message for a code the catalogue lacks', () => {
    const error = new ConflictError('Something new happened', undefined, { code: 'brand.new' });
    expect(filter.toBody(error, 'nl')).toMatchObject({ code: 'brand.new', message: 'Something new happened' });
  });
});

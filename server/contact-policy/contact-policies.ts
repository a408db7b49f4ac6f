import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { OPEN_POLICY, readPolicy, type CompiledContactPolicy } from '@stroom/dsl';
import { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import { Clock } from '../clock/clock.js';
import { BadInputError } from '../common/errors.js';
import { PerTransaction } from '../common/per-transaction.js';
import { ContactPolicyDocumentRow } from './contact-policy.entity.js';
import type { ContactPolicyBody } from './contact-policy-input.js';

/** What GET answers while no policy was saved: a document that limits nothing. */
export const EMPTY_POLICY_SOURCE = 'policy {\n}\n';

/** The contact policy document: read, saved after checking, and compiled once per transaction for the senders. */
@Injectable()
export class ContactPolicies {
  private readonly perTransaction = new PerTransaction<CompiledContactPolicy>();
  private compiled: { source: string; policy: CompiledContactPolicy } | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async get(): Promise<{ source: string; updatedAt: string | null; updatedBy: string | null }> {
    const row = await this.em.fork().findOne(ContactPolicyDocumentRow, { id: 1 });
    return { source: row?.source ?? EMPTY_POLICY_SOURCE, updatedAt: row?.updatedAt.toISOString() ?? null, updatedBy: row?.updatedBy ?? null };
  }

  async save({ source }: ContactPolicyBody, principal: Principal | undefined) {
    const { diagnostics } = readPolicy(source);
    const first = diagnostics.find((d) => d.severity === 'error');
    if (first) {
      throw new BadInputError(`source: ${first.line}:${first.column}: ${first.message}`, { field: 'source', diagnostics },
        { code: 'source.invalid', params: { line: first.line, column: first.column, diagnostic: first.message } });
    }
    await this.em.fork().transactional(async (em) => {
      const row = await em.findOne(ContactPolicyDocumentRow, { id: 1 });
      const before = row ? { source: row.source } : null;
      const saved = row ?? em.create(ContactPolicyDocumentRow, { id: 1, source, updatedAt: this.clock.now() });
      Object.assign(saved, { source, updatedAt: this.clock.now(), updatedBy: principal?.name ?? null });
      this.audit.record(em, { subject: 'contact_policy', subjectId: '1', subjectName: 'contact policy', before, after: { source }, principal });
    });
    return this.get();
  }

  /** The policy in force, read once per transaction (a batch of flow steps shares it). */
  current(em: EntityManager): Promise<CompiledContactPolicy> {
    return this.perTransaction.get(em, 'policy', async () => {
      const rows = await em.getConnection().execute<{ source: string }[]>(`select "source" from "contact_policy" where "id" = 1`, [], 'all', em.getTransactionContext());
      const source = rows[0]?.source;
      if (source === undefined) return OPEN_POLICY;
      const known = this.compiled;
      if (known && known.source === source) return known.policy;
      const policy = readPolicy(source).policy ?? OPEN_POLICY;
      this.compiled = { source, policy };
      return policy;
    });
  }
}

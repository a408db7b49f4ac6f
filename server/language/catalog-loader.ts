import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { InMemoryCatalog, type Catalog, type CatalogData, type StatusKind } from '@stroom/dsl';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { variablesOf } from '../templates/template-engine.js';

/** Names an import is about to add: the catalog checks its rules as if they were there. */
export interface CatalogAdditions {
  templates?: readonly { key: string; channel: 'email' | 'sms'; subject?: string | null; body: string }[];
  taskTypes?: readonly { name: string }[];
  statuses?: readonly { kind: StatusKind; name: string }[];
}

/** What one module adds to the catalog: the names it owns (templates, forms, statuses, …), read in the given context. */
export type CatalogSource = (em: EntityManager) => Promise<CatalogData>;

/**
 * The DSL checker's view of the database: the names rules may refer to, gathered from the modules
 * that own them (each registers a source at start). Loaded per check (cheap name lists).
 */
@Injectable()
export class CatalogLoader {
  private readonly sources: CatalogSource[] = [];

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(source: CatalogSource): void {
    this.sources.push(source);
  }

  /** From the given transaction (to check sources against rows it wrote), or a fresh context; with `additions` as if they were stored. */
  async load(em: EntityManager = this.em.fork(), additions: CatalogAdditions = {}): Promise<Catalog> {
    const data = mergeCatalogData(await Promise.all(this.sources.map((source) => source(em))));
    const added = new Set((additions.templates ?? []).map((t) => t.key));
    data.templates = [
      ...(data.templates ?? []).filter((t) => !added.has(t.key)),
      ...(additions.templates ?? []).map((t) => ({ key: t.key, channel: t.channel, variables: templateVariables(t) })),
    ];
    data.taskTypes = [...(data.taskTypes ?? []), ...(additions.taskTypes ?? []).map((t) => t.name)];
    const statuses = (data.statuses ??= {});
    for (const status of additions.statuses ?? []) (statuses[status.kind] ??= []).push(status.name);
    data.secrets = Object.keys(this.config.webhookSecrets);
    return new InMemoryCatalog(data);
  }
}

/** The merge variables a template's subject and body use. */
export function templateVariables(template: { subject?: string | null; body: string }): string[] {
  return [...new Set([...variablesOf(template.subject ?? ''), ...variablesOf(template.body)])];
}

/** The modules' parts as one catalog: lists joined, statuses joined per kind. */
function mergeCatalogData(parts: readonly CatalogData[]): CatalogData {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'statuses') {
        const statuses = (merged.statuses ??= {}) as Record<string, string[]>;
        for (const [kind, names] of Object.entries(value as Record<string, string[]>)) statuses[kind] = [...(statuses[kind] ?? []), ...names];
      } else if (Array.isArray(value)) {
        merged[key] = [...((merged[key] as unknown[] | undefined) ?? []), ...value];
      } else if (value !== undefined) {
        merged[key] = { ...((merged[key] as object | undefined) ?? {}), ...(value as object) };
      }
    }
  }
  return merged as CatalogData;
}

import { parse, stepIdsOf } from '@stroom/dsl';
import type { Api } from './api';
import type { ApiSchema } from './api-schema';

type FlowEditPreview = ApiSchema<'FlowEditPreview'>;

/** Participants on one step that a flow edit changes or removes. */
export type StepImpact = FlowEditPreview['changed'][number];

/** What an edit of a paused flow does to its participants (`POST /api/flows/:id/preview-edit`), and the steps they may move to. */
export type EditImpact = Omit<FlowEditPreview, 'source'> & {
  /** Step ids of the edited flow, where participants of a removed step may go. */
  targets: string[];
};

/**
 * What saving `source` over a paused flow does to its participants, with the steps of the edited flow
 * those on a removed step may move to; undefined when no participant stands on a changed or removed step.
 */
export async function editImpactOf(api: Api, flowId: string, source: string): Promise<EditImpact | undefined> {
  const preview = await api.post<FlowEditPreview>(`/api/flows/${flowId}/preview-edit`, { source });
  if (![...preview.changed, ...preview.removed].some((step) => step.participants > 0)) return undefined;
  const edited = parse(preview.source).ast.declarations[0];
  return { changed: preview.changed, removed: preview.removed, added: preview.added, targets: edited?.kind === 'flow' ? stepIdsOf(edited) : [] };
}

import { Injectable } from '@nestjs/common';
import { forEachStep, type Flow as FlowAst, type SendEmailStep } from '@stroom/dsl';
import { BadInputError } from '../common/errors.js';
import { FilesService, MAX_FILE_BYTES } from '../files/files.service.js';

/** What one e-mail step may attach in total: mail servers commonly refuse larger messages. */
export const MAX_STEP_ATTACHMENT_BYTES = MAX_FILE_BYTES;

/**
 * Refuses a flow whose e-mail step attaches more than 25 MB in total, counting the newest file of
 * each name (the one a send attaches). Files not uploaded yet count nothing: they are a warning.
 */
@Injectable()
export class AttachmentLimit {
  constructor(private readonly files: FilesService) {}

  async assert(flow: FlowAst): Promise<void> {
    const steps: SendEmailStep[] = [];
    forEachStep(flow.steps, (step) => {
      if (step.kind === 'send_email' && step.attachments.length > 0) steps.push(step);
    });
    if (steps.length === 0) return;
    const sizes = await this.files.sizesByName([...new Set(steps.flatMap((s) => s.attachments))]);
    for (const step of steps) {
      const total = step.attachments.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
      if (total <= MAX_STEP_ATTACHMENT_BYTES) continue;
      const params = { stepId: step.id ?? step.template, size: (total / 1024 / 1024).toFixed(1) };
      throw new BadInputError(`source: step ${params.stepId} attaches ${params.size} MB; an e-mail step may attach at most 25 MB in total`, { field: 'source', stepId: params.stepId, bytes: total }, { code: 'flow.attachments_too_large', params });
    }
  }
}

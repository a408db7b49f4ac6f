import { translate } from '@jsverse/transloco';
import { conditionText, type Duration, type Step } from '@stroom/dsl';

const quoted = (text: string | undefined) => (text ? `"${text}"` : translate('designer.summary.notChosen'));
const duration = (d: Duration) => `${d.amount} ${translate(`designer.units.${d.unit}`)}`;

/** A step's settings in one line, for its card. */
export function stepSummary(step: Step): string {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(`designer.summary.${key}`, params);
  switch (step.kind) {
    case 'send_email': return t('sendEmail', { template: quoted(step.template) });
    case 'send_sms': return step.message.kind === 'template' ? t('smsTemplate', { template: quoted(step.message.template) }) : t('smsText', { n: step.message.text.length });
    case 'update_person': return t('updatePerson', { n: step.operations.length });
    case 'membership': return t(step.change === 'add' ? 'addTo' : 'removeFrom', { target: translate(`designer.targets.${step.target}`), name: quoted(step.name) });
    case 'create_follow_up': case 'create_request': case 'create_sale': return t('create', { title: quoted(step.title), type: quoted(step.type) });
    case 'distribute': return step.pool.kind === 'group' ? t('distributeGroup', { name: quoted(step.pool.name) }) : t('distributeAmong', { n: step.pool.emails.length });
    case 'run_script': return t('script', { n: step.source.split('\n').length });
    case 'notify_email': return step.template !== undefined ? t('sendEmail', { template: quoted(step.template) }) : quoted(step.subject);
    case 'notify_sms': return t('smsText', { n: step.text.length });
    case 'wait': return t('wait', { duration: duration(step.duration) });
    case 'wait_until': return t('waitUntil', { until: step.until });
    case 'wait_for': return t('waitFor', { event: translate(`designer.events.${step.event.kind}`), duration: duration(step.atMost ?? { amount: 7, unit: 'days' }) });
    case 'split': {
      if (!step.random) return t('split', { n: step.branches.length, conditions: step.branches.map((b) => conditionText(b.condition)).join('; ') });
      const shares = step.branches.map((b) => `${b.name} ${b.percent ?? 0}%`);
      if (step.random.holdout) shares.push(t('holdout', { n: step.random.holdout }));
      return t('split', { n: step.branches.length, conditions: shares.join('; ') });
    }
    case 'leave': return t('leave', { n: step.actions.length });
    case 'complete': return t('complete');
    case 'call_webhook': return `${step.method} ${step.url}`;
  }
}

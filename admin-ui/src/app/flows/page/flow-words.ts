import { translate } from '@jsverse/transloco';
import { conditionText, flowSettingsOf, parse, stepsInOrder, type Flow as FlowAst, type FlowTrigger, type Step, type SuccessCriterion } from '@stroom/dsl';
import { stepSummary } from '../designer/step-summary';

/** One line of the summary's basic information: what it is, and the words for it. */
export interface Fact {
  label: string;
  text: string;
}

/** The flow declaration of a stored source (the server only stores sources that parse). */
export function flowAst(source: string): FlowAst | undefined {
  const declaration = parse(source).ast.declarations[0];
  return declaration?.kind === 'flow' ? declaration : undefined;
}

/** The menu name of a step's kind: "E-mail versenden", "Toevoegen aan selectie/project". */
export function kindName(step: Step): string {
  const key = step.kind === 'membership' ? `membership_${step.change}` : step.kind;
  return translate(`designer.steps.${key}`);
}

/** What a marketer calls a step: its kind and its settings in one line ("E-mail versenden · Sjabloon "welkom""). */
export function stepTitle(step: Step): string {
  const summary = stepSummary(step);
  return summary ? `${kindName(step)} · ${summary}` : kindName(step);
}

/** Every step of the flow by its id, with its title. */
export function stepTitles(flow: FlowAst | undefined): Map<string, string> {
  const titles = new Map<string, string>();
  for (const step of stepsInOrder(flow?.steps ?? [])) if (step.id) titles.set(step.id, stepTitle(step));
  return titles;
}

export function stepsById(flow: FlowAst | undefined): Map<string, Step> {
  return new Map(stepsInOrder(flow?.steps ?? []).flatMap((step) => (step.id ? [[step.id, step] as [string, Step]] : [])));
}

function triggerText(trigger: FlowTrigger): string {
  const name = translate(`designer.triggers.${trigger.kind}`);
  switch (trigger.kind) {
    case 'form_submitted': return `${name}: "${trigger.form}"`;
    case 'selection_added': return `${name}: "${trigger.selection}"`;
    case 'condition': return `${name}: ${conditionText(trigger.condition)}`;
    case 'date': return `${name}: ${translate(`flowPageWords.dateTrigger.${trigger.direction}`, { n: trigger.amount, unit: translate(`flowPageWords.dateTrigger.${trigger.unit}`), field: `${trigger.entity}.${trigger.field}` })}`;
    case 'yearly': return `${name}: ${trigger.entity}.${trigger.field}`;
    default: return name;
  }
}

function criterionText(criterion: SuccessCriterion): string {
  const t = (key: string, params?: Record<string, unknown>) => translate(`flowPageWords.success.${key}`, params);
  switch (criterion.kind) {
    case 'record_created': return t(criterion.entity);
    case 'form_submitted': return t('form', { form: criterion.form });
    case 'link_clicked': return t('link');
    case 'added_to': return t('added', { target: translate(`designer.targets.${criterion.target}`), name: criterion.name });
    case 'field_changed': return t('field', { field: `${criterion.entity}.${criterion.field}` });
  }
}

/** The flow's triggers, filter, settings and success criteria in words, as the summary lists them. */
export function flowFacts(flow: FlowAst): Fact[] {
  const view = flowSettingsOf(flow);
  const t = (key: string, params?: Record<string, unknown>) => translate(`flowPageWords.${key}`, params);
  const facts: Fact[] = [{ label: t('triggers'), text: view.triggers.length ? view.triggers.map(triggerText).join('; ') : t('noTrigger') }];
  facts.push({ label: t('filter'), text: view.filter ? conditionText(view.filter) : t('everyone') });
  if (view.exclusions.length) facts.push({ label: t('exclusions'), text: view.exclusions.map((s) => `"${s}"`).join(', ') });
  facts.push({ label: t('reentry'), text: view.oncePerPerson ? t('oncePerPerson') : view.restartAfterDays !== undefined ? t('restartAfter', { n: view.restartAfterDays }) : t('always') });
  if (view.exit) facts.push({ label: t('exit'), text: conditionText(view.exit.condition) });
  if (view.sender) facts.push({ label: t('sender'), text: view.sender });
  if (view.replyTo) facts.push({ label: t('replyTo'), text: view.replyTo });
  if (view.smsSender) facts.push({ label: t('smsSender'), text: view.smsSender });
  if (view.sendWindow) {
    const { days, start, end } = view.sendWindow;
    const which = days.kind === 'workdays' ? t('workdays') : `${translate(`flowPageWords.weekdays.${days.from}`)}–${translate(`flowPageWords.weekdays.${days.to}`)}`;
    facts.push({ label: t('sendWindow'), text: t('window', { days: which, start, end }) });
  }
  if (view.timezone) facts.push({ label: t('timezone'), text: view.timezone });
  if (view.whenLimited) facts.push({ label: t('whenLimited'), text: t(`limited.${view.whenLimited}`) });
  const success = view.success;
  facts.push({
    label: t('successCriteria'),
    text: success?.criteria.length ? `${success.criteria.map(criterionText).join('; ')} → ${translate(`designer.success.${success.then}`)}` : t('noSuccess'),
  });
  facts.push({ label: t('steps'), text: t('stepCount', { n: stepsInOrder(flow.steps).length }) });
  return facts;
}


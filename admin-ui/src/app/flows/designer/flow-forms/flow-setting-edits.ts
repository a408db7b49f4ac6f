import { FLOW_SETTING_ORDER, type Flow, type FlowSetting, type FlowSettingKind } from '@stroom/dsl';

export type SettingOf<K extends FlowSettingKind> = Extract<FlowSetting, { kind: K }>;

/** Every setting of `kind`, in the order written (triggers and exclusion lists may come more than once). */
export function settingsOf<K extends FlowSettingKind>(flow: Flow, kind: K): SettingOf<K>[] {
  return flow.settings.filter((s): s is SettingOf<K> => s.kind === kind);
}

export function settingOf<K extends FlowSettingKind>(flow: Flow, kind: K): SettingOf<K> | undefined {
  return settingsOf(flow, kind)[0];
}

/**
 * Replaces the `n`-th setting of its kind (keeping the comments written above it), removes it when
 * `setting` is undefined, or adds it (n = how many there are) after the last of its kind, in the
 * order the printer writes the settings.
 */
export function putSettingAt<K extends FlowSettingKind>(flow: Flow, kind: K, n: number, setting: SettingOf<K> | undefined): void {
  const indexes = flow.settings.flatMap((s, i) => (s.kind === kind ? [i] : []));
  const index = indexes[n];
  if (index !== undefined) {
    const comments = flow.settings[index]!.comments;
    if (setting) flow.settings[index] = comments ? { ...setting, comments } : setting;
    else flow.settings.splice(index, 1);
    return;
  }
  if (!setting) return;
  const last = indexes.at(-1);
  if (last !== undefined) {
    flow.settings.splice(last + 1, 0, setting);
    return;
  }
  const order = FLOW_SETTING_ORDER.indexOf(kind);
  const at = flow.settings.findIndex((s) => FLOW_SETTING_ORDER.indexOf(s.kind) > order);
  flow.settings.splice(at < 0 ? flow.settings.length : at, 0, setting);
}

/** The first setting of its kind: replaced, removed (undefined) or added. */
export function putSetting<K extends FlowSettingKind>(flow: Flow, kind: K, setting: SettingOf<K> | undefined): void {
  putSettingAt(flow, kind, 0, setting);
}

import { flowOf, parse, print } from '@stroom/dsl';
import { putSetting, putSettingAt, settingsOf } from './flow-setting-edits';

const program = () => parse([
  'flow "x" {', '  # afzender', '  sender "A <a@b.nl>"', '  trigger manual', '  trigger form "contact" submitted', '  once per person', '}', '',
].join('\n')).ast;

describe('flow setting edits', () => {
  it('replaces the n-th setting of a kind keeping its comments, adds after the last of its kind, removes', () => {
    const p = program();
    const flow = flowOf(p);
    putSetting(flow, 'sender', { kind: 'sender', address: 'B <b@b.nl>' });
    putSettingAt(flow, 'trigger', 2, { kind: 'trigger', trigger: { kind: 'link_clicked' } });
    putSettingAt(flow, 'trigger', 0, undefined);
    putSetting(flow, 'timezone', { kind: 'timezone', zone: 'Europe/Amsterdam' });
    expect(settingsOf(flow, 'trigger').map((s) => s.trigger.kind)).toEqual(['form_submitted', 'link_clicked']);
    expect(print(p)).toBe([
      'flow "x" {', '  # afzender', '  sender "B <b@b.nl>"', '  timezone "Europe/Amsterdam"', '  trigger form "contact" submitted', '  trigger link clicked',
      '  once per person', '}', '',
    ].join('\n'));
  });
});

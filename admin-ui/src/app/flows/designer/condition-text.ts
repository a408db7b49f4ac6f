import { parse, type Condition } from '@stroom/dsl';

/** A condition typed as text (`person.category = "lead"`), read by the language's own parser; undefined when it does not parse. */
export function parseCondition(text: string): Condition | undefined {
  const { ast, diagnostics } = parse(`flow "x" {\n  filter ${text.replace(/\n/g, ' ')}\n}\n`);
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  const flow = ast.declarations[0];
  const setting = flow?.kind === 'flow' ? flow.settings[0] : undefined;
  return setting?.kind === 'filter' ? stripLocations(setting.condition) : undefined;
}

function stripLocations<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'loc' || key === 'locs' ? undefined : v))) as T;
}

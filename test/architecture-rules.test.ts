// The architecture rules of .dependency-cruiser.cjs, tried on a small made-up tree that breaks each
// of them once, so that a rule that could never fire would fail here.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const depcruise = join(root, 'node_modules/.bin/depcruise');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stroom-architecture-'));
  copyFileSync(join(root, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', allowJs: true } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The names of the rules broken, as `rule: from → to` lines. */
function violations(dir: string): string[] {
  let output: string;
  try {
    output = execFileSync(depcruise, ['server', 'dsl', 'admin-ui/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout);
  }
  return output.split('\n').filter((line) => line.includes('error ')).map((line) => line.replace(/^\s*error\s+/, '').trim()).sort();
}

describe('architecture rules', () => {
  it('fire once for each kind of forbidden import, and not for allowed ones', () => {
    const dir = tree({
      'dsl/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'dsl/src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'dsl/src/c.ts': "import { service } from '../../server/flows/service.js';\nexport const c = service;\n",
      'dsl/src/d.ts': "import { helper } from './testing/helper.js';\nexport const d = helper;\n",
      'dsl/src/testing/helper.ts': 'export const helper = 1;\n',
      'server/flows/service.ts': "import { Person } from '../crm/person.entity.js';\nimport { Flow } from './flow.entity.js';\nexport const service = [Person, Flow];\n",
      'server/flows/flow.entity.ts': 'export class Flow {}\n',
      'server/crm/person.entity.ts': 'export class Person {}\n',
      'server/database/entities.ts': "import { Person } from '../crm/person.entity.js';\nexport const entities = [Person];\n",
      'server/flows/core/decide.ts': "import { Injectable } from '@nestjs/common';\nexport const decide = Injectable;\n",
      'node_modules/@nestjs/common/package.json': '{"name":"@nestjs/common","main":"index.js"}',
      'node_modules/@nestjs/common/index.js': 'exports.Injectable = 1;\n',
      'admin-ui/src/app/page.ts': "import { service } from '../../../server/flows/service.js';\nexport const page = service;\n",
    });
    try {
      expect(violations(dir)).toEqual([
        'admin-ui-stays-in-the-browser: admin-ui/src/app/page.ts → server/flows/service.ts',
        'dsl-is-self-contained: dsl/src/c.ts → server/flows/service.ts',
        'engine-core-is-pure: server/flows/core/decide.ts → node_modules/@nestjs/common/index.js',
        'no-circular: dsl/src/a.ts →',
        'no-reaching-into-other-modules-entities: server/flows/service.ts → server/crm/person.entity.ts',
        'production-does-not-import-tests: dsl/src/d.ts → dsl/src/testing/helper.ts',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every `.ts` file under `dir` (specs left out), as paths relative to the repository. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'))
    .map((path) => join(dir, path));
}

describe('the job table', () => {
  it('is written and read with SQL only by the scheduling module', () => {
    const outside = sources('server')
      .filter((path) => !path.startsWith('server/scheduling/'))
      .filter((path) => /(into|update|from|join)\s+"job"/.test(readFileSync(join(root, path), 'utf8')));
    expect(outside).toEqual([]);
  });
});

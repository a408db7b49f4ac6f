// `stroom lint [--lang nl|en] <files…>` and `stroom fmt [--check|--write] <files…>`: offline, on .stroom files.
// The logic takes its file system and output as arguments so it is tested without processes.
import { readFile, writeFile } from 'node:fs/promises';
import { checkSource } from './checker.js';
import type { Diagnostic } from './diagnostics.js';
import { diagnosticMessage, languageOfLocale, LANGUAGES, suggestionMessage, type Language } from './messages.js';
import { format } from './printer.js';

export interface CliIo {
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The environment: `LANG` chooses the language of messages when `--lang` is not given. */
  env?: Readonly<Record<string, string | undefined>>;
}

const USAGE = `usage: stroom lint [--lang nl|en] <files…>
       stroom fmt [--check|--write] <files…>
`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'lint') {
    const options = lintOptions(rest, io);
    if (options) return lint(options.files, options.lang, io);
  } else if (command === 'fmt') {
    const flags = rest.filter((arg) => arg.startsWith('--'));
    const files = rest.filter((arg) => !arg.startsWith('--'));
    const unknown = flags.filter((flag) => flag !== '--check' && flag !== '--write');
    if (unknown.length === 0 && flags.length <= 1 && files.length > 0) return fmt(files, flags[0], io);
  }
  io.stderr(command === 'help' || command === '--help' ? '' : `stroom: cannot run ${JSON.stringify(argv.join(' '))}\n`);
  io.stderr(USAGE);
  return command === 'help' || command === '--help' ? 0 : 2;
}

function languageOfEnv(io: CliIo): Language {
  return languageOfLocale(io.env?.['LC_ALL'] || io.env?.['LANG']);
}

/** `--lang nl|en` (or `--lang=nl`) and the files; the language defaults to the one of `LANG`. */
function lintOptions(args: readonly string[], io: CliIo): { files: string[]; lang: Language } | undefined {
  let lang = languageOfEnv(io);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (!LANGUAGES.includes(value as Language)) return undefined;
      lang = value as Language;
    } else if (arg.startsWith('--')) {
      return undefined;
    } else {
      files.push(arg);
    }
  }
  return files.length > 0 ? { files, lang } : undefined;
}

function diagnosticLine(file: string, d: Diagnostic, lang: Language = 'en'): string {
  const suggestion = d.suggestion === undefined ? '' : ` (${suggestionMessage(d.suggestion, lang)})`;
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${diagnosticMessage(d, lang)}${suggestion}\n`;
}

async function read(file: string, io: CliIo): Promise<string | undefined> {
  try {
    return await io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

async function lint(files: readonly string[], lang: Language, io: CliIo): Promise<number> {
  let failed = false;
  for (const file of files) {
    const source = await read(file, io);
    if (source === undefined) {
      failed = true;
      continue;
    }
    const { diagnostics } = checkSource(source);
    for (const diagnostic of diagnostics) io.stdout(diagnosticLine(file, diagnostic, lang));
    failed ||= diagnostics.some((d) => d.severity === 'error');
  }
  return failed ? 1 : 0;
}

async function fmt(files: readonly string[], mode: string | undefined, io: CliIo): Promise<number> {
  let failed = false;
  for (const file of files) {
    const source = await read(file, io);
    if (source === undefined) {
      failed = true;
      continue;
    }
    const formatted = format(source);
    if (formatted.source === undefined) {
      for (const diagnostic of formatted.diagnostics) io.stderr(diagnosticLine(file, diagnostic, languageOfEnv(io)));
      failed = true;
      continue;
    }
    if (mode === '--check') {
      if (formatted.source !== source) {
        io.stdout(`${file}\n`);
        failed = true;
      }
    } else if (mode === '--write') {
      if (formatted.source !== source) await io.writeFile(file, formatted.source);
    } else {
      io.stdout(formatted.source);
    }
  }
  return failed ? 1 : 0;
}

export const nodeIo: CliIo = {
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** The entry point of `bin/stroom.js`. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv, nodeIo);
}

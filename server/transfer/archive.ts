import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { BadInputError } from '../common/errors.js';

/** Limits that keep a hostile archive (a zip bomb, thousands of files) from exhausting memory. */
export const ARCHIVE_LIMITS = { files: 5_000, fileBytes: 2 * 1024 * 1024, totalBytes: 25 * 1024 * 1024 };

/** Control characters and unpaired surrogates: never part of a name an export writes. */
const UNSAFE_NAME_CHARACTER = /[\p{Cc}\p{Cs}]/u;

export function zipFiles(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

/** Text files of a zip archive by path; directories are skipped; unsafe paths and oversized content are a 400. */
export function unzipFiles(archive: Uint8Array): Record<string, string> {
  let count = 0;
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        count += 1;
        total += file.originalSize;
        if (count > ARCHIVE_LIMITS.files) throw new BadInputError(`The archive has more than ${ARCHIVE_LIMITS.files} files`, undefined, { code: 'import.too_many_files', params: { max: ARCHIVE_LIMITS.files } });
        if (file.originalSize > ARCHIVE_LIMITS.fileBytes) throw new BadInputError(`${file.name}: larger than ${ARCHIVE_LIMITS.fileBytes} bytes`, { file: file.name }, { code: 'import.file_too_large', params: { file: file.name, max: ARCHIVE_LIMITS.fileBytes } });
        if (total > ARCHIVE_LIMITS.totalBytes) throw new BadInputError(`The archive unpacks to more than ${ARCHIVE_LIMITS.totalBytes} bytes`, undefined, { code: 'import.archive_too_large', params: { max: ARCHIVE_LIMITS.totalBytes } });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError('The body is not a zip archive', undefined, { code: 'import.not_zip' });
  }
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    const path = name.replace(/^stroom-export\//, '');
    if (path.split('/').some((part) => part === '..' || part === '') || path.startsWith('/') || UNSAFE_NAME_CHARACTER.test(path)) throw new BadInputError(`${name}: not a safe path`, { file: name }, { code: 'import.unsafe_path', params: { file: name } });
    if (bytes.length > ARCHIVE_LIMITS.fileBytes) throw new BadInputError(`${name}: larger than ${ARCHIVE_LIMITS.fileBytes} bytes`, { file: name }, { code: 'import.file_too_large', params: { file: name, max: ARCHIVE_LIMITS.fileBytes } });
    files[path] = strFromU8(bytes);
    if (files[path].includes('\u0000')) throw new BadInputError(`${path}: the NUL character (U+0000) is not allowed`, { file: path }, { code: 'import.nul_character', params: { file: path } });
  }
  return files;
}

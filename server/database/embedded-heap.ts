import { setFlagsFromString } from 'node:v8';

/**
 * V8 heap settings for the embedded mode, set before the service's modules load. With V8's
 * defaults the JavaScript heap of a freshly started service grows to about 200 MB for some 70 MB
 * of live objects (module loading allocates fast, and V8 sizes the heap for throughput) and keeps
 * that size; the young generation alone may take 48 MB. The embedded mode runs one small service
 * and its database in one process, so it trades a little throughput for memory: a heap sized close
 * to what is live and a 2 MB young generation. With a PostgreSQL server V8 keeps its defaults.
 *
 * The other half of the embedded mode's sizing, `--liftoff-only` in `npm start`'s command, cannot
 * be set here: V8 reads it only at start.
 */
export const EMBEDDED_HEAP_FLAGS: readonly string[] = ['--optimize-for-size', '--max-semi-space-size=2'];

export function sizeHeapForEmbeddedDatabase(): void {
  for (const flag of EMBEDDED_HEAP_FLAGS) setFlagsFromString(flag);
}

/**
 * Imported first by main.ts, before anything that needs a newer runtime (Object.groupBy and the
 * like): on an older Node the service stops with one line saying what it needs, not a stack trace.
 */
const REQUIRED_MAJOR = 24;

const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  process.stderr.write(`Stroom needs Node ${REQUIRED_MAJOR} (this is Node ${process.versions.node}); start it with \`npm start\`, which runs the Node ${REQUIRED_MAJOR} the project installs.\n`);
  process.exit(1);
}

export {};

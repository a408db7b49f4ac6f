import { buildClusterTemplate, CLUSTER_TEMPLATE } from './embedded-cluster.js';

/**
 * `npm run build`'s last step: the embedded database's template cluster (see embedded-cluster.ts).
 * It only makes first starts faster, so a failure warns and the build goes on: without it a new
 * data folder's cluster is made by initdb.
 */
try {
  await buildClusterTemplate();
  process.stdout.write(`Embedded database template: ${CLUSTER_TEMPLATE}\n`);
} catch (error) {
  process.stderr.write(`Warning: no embedded database template (${(error as Error).message}); a new data folder's database will be made by initdb\n`);
}

import { buildClusterTemplate, CLUSTER_TEMPLATE } from './embedded-cluster.js';

/** `npm run build`'s last step: the embedded database's template cluster (see embedded-cluster.ts). */
await buildClusterTemplate();
process.stdout.write(`Embedded database template: ${CLUSTER_TEMPLATE}\n`);

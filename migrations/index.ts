import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261204173349 } from './Migration20261204173349.js';
import { Migration20261204183606 } from './Migration20261204183606.js';
import { Migration20261202031345 } from './Migration20261202031345.js';
import { Migration20261202080000 } from './Migration20261202080000.js';
import { Migration20261202025919 } from './Migration20261202025919.js';
import { Migration20261123224811 } from './Migration20261123224811.js';
import { Migration20261123223510 } from './Migration20261123223510.js';
import { Migration20261123220653 } from './Migration20261123220653.js';
import { Migration20261123212742 } from './Migration20261123212742.js';
import { Migration20261123210252 } from './Migration20261123210252.js';
import { Migration20261123205456 } from './Migration20261123205456.js';
import { Migration20261123202116 } from './Migration20261123202116.js';
import { Migration20261123201807 } from './Migration20261123201807.js';
import { Migration20261123201431 } from './Migration20261123201431.js';
import { Migration20261123200355 } from './Migration20261123200355.js';
import { Migration20261123200400_reference_data } from './Migration20261123200400_reference_data.js';

/** Every migration, in order. Generated files are added here by `npm run migration:create`. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123200355', class: Migration20261123200355 },
  { name: 'Migration20261123200400_reference_data', class: Migration20261123200400_reference_data },
  { name: 'Migration20261123201431', class: Migration20261123201431 },
  { name: 'Migration20261123201807', class: Migration20261123201807 },
  { name: 'Migration20261123202116', class: Migration20261123202116 },
  { name: 'Migration20261123205456', class: Migration20261123205456 },
  { name: 'Migration20261123210252', class: Migration20261123210252 },
  { name: 'Migration20261123212742', class: Migration20261123212742 },
  { name: 'Migration20261123220653', class: Migration20261123220653 },
  { name: 'Migration20261123223510', class: Migration20261123223510 },
  { name: 'Migration20261123224811', class: Migration20261123224811 },
  { name: 'Migration20261202025919', class: Migration20261202025919 },
  { name: 'Migration20261202031345', class: Migration20261202031345 },
  { name: 'Migration20261202080000', class: Migration20261202080000 },
  { name: 'Migration20261204173349', class: Migration20261204173349 },
  { name: 'Migration20261204183606', class: Migration20261204183606 },
];

import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';

export const PUBLIC_KEY = 'stroom:public';
export const ROLES_KEY = 'stroom:roles';
export const SIGNED_IN_KEY = 'stroom:signed-in';

/** No credentials needed (health, login, tracked links). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller needs one of these roles. Routes with no marker need any role (read access). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in caller, even one with no role (`/api/auth/me`). */
export const SignedIn = () => SetMetadata(SIGNED_IN_KEY, true);

/** Both roles, flow administrator and content editor: the default for reading. */
export const ANY_ROLE: Role[] = ['flow_admin', 'content_editor'];

import type { Role } from './roles.js';

/** Who is calling: a signed-in employee or the ADMIN_API_TOKEN. */
export interface Principal {
  kind: 'employee' | 'token';
  employeeId?: string;
  /** The session signed in with, for an employee. */
  sessionId?: string;
  name: string;
  roles: readonly Role[];
}

/** The actor written on change events. */
export function actorOf(principal: Principal | undefined): string {
  if (!principal) return 'system';
  return principal.kind === 'token' ? 'api-token' : `employee:${principal.employeeId}`;
}

export function hasAnyRole(principal: Principal | undefined, roles: readonly Role[]): boolean {
  return !!principal && principal.roles.some((r) => roles.includes(r));
}

import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** Routes behind the login: an anonymous visitor goes to /login and comes back after. */
export const signedIn: CanActivateFn = async (_route, state) => {
  // inject() only works before the first await.
  const session = inject(Session);
  const router = inject(Router);
  const me = await session.load();
  return me ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

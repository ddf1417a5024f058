import type { Role } from '../../session';

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = {
  ADMIN: '/office',
  EXPERT: '/expert',
  SUBMITTER: '/unit',
  ORGANIZER: '/organizer',
  ANALYST: '/',
  AGENCY: '/announcements',
};

export const homeOf = (roles: Role[]): string => (roles[0] ? HOME[roles[0]] : '/');

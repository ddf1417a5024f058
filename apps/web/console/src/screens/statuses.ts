/**
 * The statuses of an entry in the contest: submitted, endorsed by its union, or accepted at the
 * office's form check (the domain's ENTERED_STATUSES). Returned, rejected, draft and withdrawn
 * entries are not in it. The screens count and offer entries by this list.
 */
export const ENTERED_STATUSES: readonly string[] = ['SUBMITTED', 'ENDORSED', 'ACCEPTED'];

export const isEntered = (status: string): boolean => ENTERED_STATUSES.includes(status);

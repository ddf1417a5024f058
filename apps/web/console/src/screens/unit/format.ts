/** Times as the person reading expects them: Beijing time, in the console's language. */
export const formatTime = (iso: string | null | undefined, language: string): string =>
  iso
    ? new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Shanghai',
      })
    : '—';

/** Whether a contest takes submissions at this moment: open, and inside its window when it has one. */
export function windowOpen(
  contest: { status: string; submissionOpensAt: string | null; submissionClosesAt: string | null } | null | undefined,
  now = Date.now(),
): boolean {
  if (!contest || contest.status !== 'OPEN_FOR_SUBMISSIONS') return false;
  if (contest.submissionOpensAt && now < Date.parse(contest.submissionOpensAt)) return false;
  if (contest.submissionClosesAt && now > Date.parse(contest.submissionClosesAt)) return false;
  return true;
}

/**
 * The escape character every LIKE of the platform names. SQLite has no default one, and
 * MySQL's backslash would itself need escaping; naming one makes a pattern mean the same on
 * both.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

/** Text a caller typed, for use inside a LIKE pattern: its %, _ and ! match themselves. */
export const escapeLike = (text: string): string => text.replace(/[!%_]/g, '!$&');

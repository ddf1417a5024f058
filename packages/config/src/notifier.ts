import { z } from 'zod';

/** Where the notifier answers /health and /ready. */
export const NOTIFIER_PORT = 4006;

/**
 * The notifier's own settings: how often it reads the change feeds, and where mail goes:
 * SMTP_URL, or without it a folder of .eml files (NOTIFIER_MAIL_DIR, DATA_DIR/mail by default).
 */
export const notifierSettings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(NOTIFIER_PORT),
  NOTIFIER_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:pass@host:port or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('MeritGraph <noreply@meritgraph.local>'),
  NOTIFIER_MAIL_DIR: z.string().min(1).optional(),
  /** The console's origin, for the links in mails. */
  NOTIFIER_CONSOLE_URL: z.url().default('http://127.0.0.1:3000'),
});

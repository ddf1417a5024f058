import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One email, as the notifier hands it to a transport. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** Where mail goes: an SMTP server, or (in development) a folder of .eml files. */
export interface MailSender {
  /** Says where mail goes, without credentials. */
  describe(): string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The Message-ID of a notification's mail to a person: the same on every attempt, so a repeat is recognisable. */
export const messageIdOf = (eventKey: string, personId: string, domain = 'meritgraph.local'): string =>
  `<${createHash('sha256').update(`${eventKey}\n${personId}`).digest('hex').slice(0, 32)}@${domain}>`;

/** The SMTP server's host and port, never its user or password. */
export function smtpTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
}

export function smtpSender(url: string, from: string): MailSender {
  const transport = nodemailer.createTransport(url);
  return {
    describe: () => smtpTarget(url),
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
    close: () => transport.close(),
  };
}

/** Development: each message built as SMTP would send it and written to `<dir>/<message id>.eml`. */
export function folderSender(dir: string, from: string): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: () => dir,
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
      await mkdir(dir, { recursive: true });
      const name = mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9.@_-]/g, '_');
      await writeFile(join(dir, `${name}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

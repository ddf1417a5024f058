import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the test SMTP server received it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  raw: string;
  /** The body, decoded from its Content-Transfer-Encoding (nodemailer picks base64 or quoted-printable by what is shorter). */
  text: string;
}

/** `=XX` escapes (quoted-printable, and RFC 2047's Q words) read as the UTF-8 bytes they stand for. */
const fromEscapes = (text: string): string =>
  Buffer.from(
    text.replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) of a header, unfolded. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : fromEscapes(text.replace(/_/g, ' ')),
    );
}

const header = (raw: string, name: string): string => {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
};

/** The body of a single-part message, decoded from base64 or quoted-printable (7bit and 8bit as they are). */
export function decodeBody(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  const encoding = header(raw, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  // Quoted-printable: soft line breaks joined, then the escapes.
  if (encoding === 'quoted-printable') return fromEscapes(body.replace(/=\r?\n/g, ''));
  return body;
}

/**
 * A local SMTP server (no TLS, no auth) that keeps what it accepts. `decide` is asked for each
 * message before it is accepted: it may act (kill a worker) and refuse it by returning false.
 */
export async function startSmtp(decide: (mail: ReceivedMail, index: number) => boolean | Promise<boolean> = () => true) {
  const received: ReceivedMail[] = [];
  let offered = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeHeader(header(raw, 'Subject')),
          messageId: header(raw, 'Message-ID'),
          raw,
          text: decodeBody(raw),
        };
        void Promise.resolve(decide(mail, ++offered)).then((accept) => {
          if (!accept) return callback(new Error('Refused by the test'));
          received.push(mail);
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderSender, messageIdOf, smtpTarget } from './mail';

describe('mail', () => {
  it('derives the same Message-ID for the same event and person, and another for another person', () => {
    expect(messageIdOf('Assignment:a1:1', 'p1')).toBe(messageIdOf('Assignment:a1:1', 'p1'));
    expect(messageIdOf('Assignment:a1:1', 'p1')).not.toBe(messageIdOf('Assignment:a1:1', 'p2'));
    expect(messageIdOf('Assignment:a1:1', 'p1')).toMatch(/^<[0-9a-f]{32}@meritgraph\.local>$/);
  });

  it('names an SMTP server by its host and port, never its credentials', () => {
    expect(smtpTarget('smtp://mailer:s3cret@mail.example.org:587')).toBe('smtp://mail.example.org:587');
    expect(smtpTarget('smtps://mail.example.org')).toBe('smtps://mail.example.org');
  });

  it('writes each message to the folder as an .eml file named by its Message-ID, once however often it is sent', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mail-')), 'mail');
    const sender = folderSender(dir, 'MeritGraph <noreply@meritgraph.local>');
    const mail = {
      to: 'li@example.org',
      subject: '新的评审任务：初评',
      text: '请完成评分。',
      messageId: messageIdOf('Assignment:a1:1', 'p1'),
    };
    await sender.send(mail);
    await sender.send(mail);
    const files = readdirSync(dir);
    expect(files).toEqual([`${mail.messageId.slice(1, -1)}.eml`]);
    const eml = readFileSync(join(dir, files[0]!), 'utf8');
    expect(eml).toContain('To: li@example.org');
    expect(eml).toContain(`Message-ID: ${mail.messageId}`);
    expect(eml).toMatch(/Subject: =\?UTF-8\?[BQ]\?/);
    sender.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

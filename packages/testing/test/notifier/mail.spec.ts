import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEV_INTERNAL_SECRET } from '@meritgraph/config';
import { dropMysqlDatabase, parseMysqlUrl } from '@meritgraph/db';
import { smtpSender } from '@meritgraph/notifier';
import { type TestGraph, startGraph } from '../../src';
import { reviewFixtures } from '../expert-review/review-fixtures';
import { type ReviewWorld, inboxOf, reviewWorld } from './notifier-fixtures';
import { type ReceivedMail, startSmtp } from './smtp';

const MAIN = resolve(__dirname, '../../../../apps/notifier/dist/main.js');
const SUBJECT = '新的评审任务：初审';

const waitFor = async (what: string, test: () => boolean | Promise<boolean>, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const expertMails = (world: ReviewWorld, received: readonly ReceivedMail[]) =>
  world.experts.map((x) => received.filter((m) => m.to.includes(x.email) && m.subject === SUBJECT).length);
const expected = (world: ReviewWorld) => world.experts.map((x) => world.assignments.filter((a) => a.expertId === x.id).length);

/** Mail through a real SMTP server: addresses and subjects, opt-outs, no address in a log line, and a worker killed mid-batch. */
describe('notifications: mail', () => {
  describe('from the in-process notifier', () => {
    let graph: TestGraph;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    const lines: string[] = [];
    const logger = {
      info: (fields: Record<string, unknown>, message: string) => lines.push(JSON.stringify({ ...fields, message })),
      warn: (fields: Record<string, unknown>, message: string) => lines.push(JSON.stringify({ ...fields, message })),
    };
    let world: ReviewWorld;

    beforeAll(async () => {
      smtp = await startSmtp();
      graph = await startGraph({ notifier: { mail: smtpSender(smtp.url, 'MeritGraph <noreply@meritgraph.test>'), logger } });
      world = await reviewWorld(graph, 'mail-2019');
      await graph.notifier!.catchUp();
    }, 90_000);
    afterAll(async () => {
      await graph?.stop();
      await smtp?.close();
    });

    it('mails each assigned expert, at its address, with the notification’s title as the subject and a stable Message-ID', () => {
      expect(expertMails(world, smtp.received)).toEqual(expected(world));
      const ids = smtp.received.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => /^<[0-9a-f]{32}@meritgraph\.local>$/.test(id))).toBe(true);
      expect(smtp.received[0]!.text).toContain(`/expert/rounds/${world.round}/batch`);
    });

    it('sends nothing again when the feeds are read again', async () => {
      const before = smtp.received.length;
      await graph.notifier!.catchUp();
      expect(smtp.received.length).toBe(before);
    });

    it('sends no mail of a kind the person turned off, and still puts it in the inbox', async () => {
      const x = world.experts[0]!;
      const client = await graph.as('EXPERT', { expert: x.id, sub: x.personId });
      await client.data(`mutation { setEmailPreference(kind: ASSIGNMENT_MADE, enabled: false) { kind } }`);
      const f = reviewFixtures(graph);
      const c = await f.contest('mail-optout-2019', ['AI']);
      const unit = await f.unit('退订测试单位');
      await f.submission(c, 'AI', unit, '退订测试成果');
      const round = await f.round(c);
      await f.intake(round);
      const [entry] = Object.values(await f.entryIds(round));
      await graph.gateway.data(`mutation($e: ID!, $x: ID!) { assignExpert(entryId: $e, expertId: $x) { id } }`, { e: entry, x: x.id });
      const before = smtp.received.length;
      await graph.notifier!.catchUp();
      expect(smtp.received.length).toBe(before);
      const made = (await inboxOf(client)).nodes.filter((n) => n.kind === 'ASSIGNMENT_MADE');
      expect(made).toHaveLength(expected(world)[0]! + 1);
    });

    it('writes person ids to its log, never an address', () => {
      expect(lines.some((l) => l.includes('mail sent') && l.includes(world.experts[2]!.personId))).toBe(true);
      expect(lines.some((l) => l.includes('email turned off'))).toBe(true);
      expect(lines.join('\n')).not.toMatch(/@example\.org/);
    });
  });

  describe('a worker killed mid-batch and restarted', () => {
    let graph: TestGraph;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let worker: ChildProcess | null = null;
    let output = '';
    let killed = false;
    const dataDir = mkdtempSync(join(tmpdir(), 'notifier-'));
    const prefix = `mgnotify_${process.pid}_`;

    const startWorker = (env: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
      return child;
    };

    afterAll(async () => {
      worker?.kill('SIGKILL');
      await graph?.stop();
      await smtp?.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (process.env.DATABASE_URL)
        await dropMysqlDatabase(parseMysqlUrl(process.env.DATABASE_URL), `${prefix}notifier`).catch(() => undefined);
    });

    it('sends every expected mail exactly once, and the inbox holds each notification once', async () => {
      graph = await startGraph();
      const world = await reviewWorld(graph, 'kill-2019');
      smtp = await startSmtp(async (_mail, index) => {
        if (index !== 3 || killed) return true;
        // The third message of the batch: the worker dies before the server accepts it, which then refuses it.
        killed = true;
        worker!.kill('SIGKILL');
        await new Promise((r) => worker!.once('exit', r));
        return false;
      });
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_PREFIX: prefix } : {}),
        INTERNAL_TOKEN_SECRET: DEV_INTERNAL_SECRET,
        ORGANIZATIONS_URL: graph.subgraphs.organizations.url,
        SUBMISSIONS_URL: graph.subgraphs.submissions.url,
        EXPERT_REVIEW_URL: graph.subgraphs['expert-review'].url,
        HONORS_URL: graph.subgraphs.honors.url,
        ANALYTICS_URL: graph.subgraphs.analytics.url,
        SMTP_URL: smtp.url,
        NOTIFIER_POLL_MS: '100',
        PORT: '0',
      };
      worker = startWorker(env);
      await waitFor('the worker to be killed', () => killed);
      expect(smtp.received).toHaveLength(2);
      worker = startWorker(env);
      const total = world.assignments.length;
      await waitFor('every mail', () => smtp.received.length >= total);
      // Give a repeat, if there were one, the time to arrive.
      await new Promise((r) => setTimeout(r, 1000));
      expect(smtp.received).toHaveLength(total);
      expect(expertMails(world, smtp.received)).toEqual(expected(world));
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(total);
      for (const x of world.experts) {
        const client = await graph.as('EXPERT', { expert: x.id, sub: x.personId });
        const made = (await inboxOf(client)).nodes.filter((n) => n.kind === 'ASSIGNMENT_MADE');
        expect(made).toHaveLength(world.assignments.filter((a) => a.expertId === x.id).length);
      }
      expect(output).toContain('mail goes to smtp://127.0.0.1:');
      expect(output).not.toMatch(/@example\.org/);
    }, 90_000);
  });
});

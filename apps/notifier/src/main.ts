import { createServer } from 'node:http';
import { join } from 'node:path';
import { loadConfig, notifierEnv, subgraphUrls } from '@meritgraph/config';
import { openDatabase } from '@meritgraph/db';
import { PeerClient, defaultLogger, serviceAuth } from '@meritgraph/subgraph-kit';
import { schema } from './database';
import { folderSender, smtpSender } from './mail';
import { createNotifier } from './notifier';

/**
 * The notifier as a process: its database, the feeds read every NOTIFIER_POLL_MS, mail by SMTP
 * (SMTP_URL) or into a folder, /health and /ready on PORT (4006), and on SIGINT/SIGTERM the
 * pass under way finished before it exits.
 */
async function main(): Promise<void> {
  const log = defaultLogger().child({ service: 'notifier' });
  try {
    const env = loadConfig(notifierEnv);
    const db = await openDatabase(schema, {
      url: env.DATABASE_URL,
      prefix: env.DATABASE_PREFIX,
      dataDir: env.DATA_DIR,
      log: env.DATABASE_LOG,
    });
    const auth = serviceAuth(env);
    const urls = subgraphUrls(env);
    const mail = env.SMTP_URL
      ? smtpSender(env.SMTP_URL, env.MAIL_FROM)
      : folderSender(env.NOTIFIER_MAIL_DIR ?? join(env.DATA_DIR, 'mail'), env.MAIL_FROM);
    const notifier = createNotifier({
      dataSource: db.dataSource,
      peers: (subgraph) => new PeerClient('notifier', subgraph, urls, auth.internal),
      mail,
      pollMs: env.NOTIFIER_POLL_MS,
      consoleUrl: env.NOTIFIER_CONSOLE_URL,
      logger: log,
    });
    const http = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path === '/health') return answer(200, { status: 'ok' });
      if (path === '/ready')
        return void notifier
          .ready()
          .catch(() => false)
          .then((ready) => answer(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' }));
      answer(404, { status: 'not found' });
    });
    await new Promise<void>((resolve) => http.listen(env.PORT, env.HOST, resolve));
    notifier.start();
    log.info(
      { health: `http://${env.HOST}:${env.PORT}/health`, mail: mail.describe() },
      `notifier running; mail goes to ${mail.describe()}`,
    );
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'notifier stopping');
      const timer = setTimeout(() => process.exit(1), 10000);
      timer.unref();
      http.close();
      await notifier.stop();
      mail.close();
      await db.dataSource.destroy();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

void main();

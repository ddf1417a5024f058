/**
 * The console as the browser journeys use it: the 2019 contest replayed into throwaway
 * databases, the whole graph in process, the console's own server in front of it (serving the
 * built bundle, as production does), and Debian's Chromium driven by playwright-core. A
 * journey signs in through the console's own picker, saves screenshots, and asks axe-core
 * about each screen.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type DevelopmentIdentity, developmentIdentities, replayCopy } from '@meritgraph/contest-data';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import type { Role } from '@meritgraph/domain';
import type { Service } from '@meritgraph/subgraph-kit';
import { type GraphOptions, type TestGraph, startGraph } from '@meritgraph/testing';
import axe from 'axe-core';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type SignInSettings, createServer } from '../src';

/** The system's Chromium (Debian's package), never a downloaded one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where journeys put their screenshots: SCREENSHOTS_DIR (the README's, for `npm run screenshots`), else a temporary folder. */
export const SCREENSHOTS = resolve(process.env.SCREENSHOTS_DIR ?? join(tmpdir(), 'meritgraph-screenshots'));

const CONSOLE_DIR = resolve(__dirname, '../dist/console');

export interface ConsoleRun {
  graph: TestGraph;
  /** The console's origin (http://127.0.0.1:port). */
  url: string;
  identities: DevelopmentIdentity[];
  browser: Browser;
  /** A new page (its own storage) at a path of the console, signed in through the picker as the role's identity when one is given. */
  open(path: string, as?: Role): Promise<Page>;
  /** Saves the page as <name>.png in SCREENSHOTS. */
  screenshot(page: Page, name: string): Promise<string>;
  /** axe-core's serious and critical violations on the page as it is now. */
  accessibility(page: Page): Promise<{ id: string; impact: string; help: string; targets: string[] }[]>;
  stop(): Promise<void>;
}

/** Chromium as this machine runs it: headless, no sandbox (root), and no calls to the closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function throwawayReplayLocation(): { location: DatabaseLocation; cleanup(): Promise<void> } {
  if (process.env.DATABASE_URL) {
    const location: DatabaseLocation = {
      url: process.env.DATABASE_URL,
      prefix: `mgweb_${randomBytes(4).toString('hex')}_`,
      // The files the replay keeps (the notices' attachments) live in the data folder.
      dataDir: mkdtempSync(join(tmpdir(), 'mg-web-')),
      log: 'none',
    };
    return {
      location,
      cleanup: async () => {
        for (const name of SUBGRAPH_NAMES) {
          const target = databaseTarget(name, location);
          if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
        }
        rmSync(location.dataDir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mg-web-'));
  return { location: { prefix: '', dataDir, log: 'none' }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export interface ConsoleOptions {
  /** Whether the graph holds the replayed 2019 contest (the default) or starts empty, on throwaway databases. */
  replay?: boolean;
  /** How the in-process graph starts (whom it trusts for client tokens, …); where its data lives is the harness's. */
  graph?: Omit<GraphOptions, 'location'>;
  /** How the console signs people in (identities is then empty); the development picker of the replayed identities when absent. */
  signIn?: SignInSettings;
}

/** Starts the replayed graph, the console and Chromium. The console must be built (npm test builds it first). */
export async function startConsole(options: ConsoleOptions = {}): Promise<ConsoleRun> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error(`The console is not built (${CONSOLE_DIR}): run npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const replay = options.replay ?? true;
  const { location, cleanup } = replay ? throwawayReplayLocation() : { location: undefined, cleanup: async () => {} };
  if (location) await replayCopy(location);
  const graph = await startGraph({ ...options.graph, location });
  let web: Service | undefined;
  let browser: Browser | undefined;
  try {
    const identities = options.signIn ? [] : await developmentIdentities(graph.gateway);
    web = createServer({
      gatewayUrl: new URL(graph.gatewayUrl).origin,
      consoleDir: CONSOLE_DIR,
      signIn: options.signIn ?? { development: { identities, sign: (claims) => graph.auth.client.signDev(claims) } },
    });
    const url = await web.start(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const running = { web, browser };
    return {
      graph,
      url,
      identities,
      browser,
      async open(path, as) {
        const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
        const page = await context.newPage();
        if (as) {
          await page.goto(`${url}/sign-in`);
          await page.locator(`button[data-role="${as}"]`).click();
          await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
        }
        await page.goto(`${url}${path}`);
        return page;
      },
      async screenshot(page, name) {
        const file = join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async accessibility(page) {
        // Evaluated through DevTools, not a <script> tag: the console's content policy refuses inline scripts, as it should.
        await page.evaluate(axe.source);
        const result = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
          return (await axe.run(document)).violations;
        });
        return result
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
      },
      async stop() {
        await running.browser.close();
        await running.web.stop();
        await graph.stop();
        await cleanup();
      },
    };
  } catch (error) {
    await browser?.close();
    await web?.stop();
    await graph.stop();
    await cleanup();
    throw error;
  }
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: string[] }[];
}

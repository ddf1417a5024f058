import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTEST_CODE, replayCopy } from '@meritgraph/contest-data';
import { type TestGraph, startGraph, throwawayLocation } from '../../src';

type Notice = {
  kind: string;
  title: string;
  body: string;
  publishedAt: string;
  attachments: { fileName: string; contentType: string; size: number; sha256: string; downloadUrl: string | null }[];
};

describe('the 2019 replay publishes its five notices on their days', () => {
  let graph: TestGraph;
  let notices: Notice[];
  // SQLite files of this run, or throwaway MySQL databases; the notices' files in the run's data folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'mg-notices-'));
  const location = process.env.DATABASE_URL ? { ...throwawayLocation(), dataDir } : { prefix: '', dataDir, log: 'none' as const };

  beforeAll(async () => {
    await replayCopy(location);
    graph = await startGraph({ location });
    const { contest } = await graph.anonymous.data<{ contest: { notices: { nodes: Notice[] } } }>(
      `query($code: String!) { contest(code: $code) { notices(first: 20) { nodes { kind title body publishedAt
        attachments { fileName contentType size sha256 downloadUrl } } } } }`,
      { code: CONTEST_CODE },
    );
    notices = contest.notices.nodes;
  }, 1_500_000);
  afterAll(async () => {
    await graph?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists them newest first, each on the day the contest reached that step', () => {
    expect(notices.map((n) => [n.kind, n.publishedAt, n.title])).toEqual([
      ['RESULTS', '2020-01-15T02:00:00.000Z', '关于表彰2019年立功竞赛先进集体、先进个人和优秀创新成果的决定'],
      ['ANNOUNCEMENT', '2019-11-29T01:30:00.000Z', '2019年立功竞赛拟表彰名单公示'],
      ['RESULTS', '2019-10-24T10:00:00.000Z', '2019年立功竞赛第二轮评审入围终评名单'],
      ['RULES', '2019-04-01T01:00:00.000Z', '2019年立功竞赛成果申报规则'],
      ['NOTICE', '2019-03-01T01:00:00.000Z', '关于开展“聚力新科技，奋进新时代”加快科创中心建设主题立功竞赛的通知'],
    ]);
  });

  it('names the finalists per group, 68 + 68 + 49, as the round published them', () => {
    const finalists = notices.find((n) => n.title.includes('入围终评名单'))!;
    expect(finalists.body).toContain('共185项成果入围终评');
    expect(finalists.body).toContain('## 人工智能组（68项）');
    expect(finalists.body).toContain('## 生物医药组（68项）');
    expect(finalists.body).toContain('## 集成电路与大科学组（49项）');
    expect(finalists.body.split('\n').filter((l) => l.startsWith('- 2019-'))).toHaveLength(185);
  });

  it("gives the 公示 window's close from the honors service, and the conferral its decision number", async () => {
    const { honors } = await graph.anonymous.data<{ honors: { nodes: { objectionsCloseAt: string }[] } }>(
      `{ honors(year: 2019, first: 1) { nodes { objectionsCloseAt } } }`,
    );
    const closes = new Date(new Date(honors.nodes[0]!.objectionsCloseAt).getTime() + 8 * 3_600_000).toISOString();
    const announcement = notices.find((n) => n.kind === 'ANNOUNCEMENT')!;
    expect(announcement.body).toContain(
      `至${Number(closes.slice(0, 4))}年${Number(closes.slice(5, 7))}月${Number(closes.slice(8, 10))}日 ${closes.slice(11, 16)}`,
    );
    expect(announcement.body).toContain('异议');
    expect(notices[0]!.body).toContain('沪工总〔2020〕1号');
  });

  it('attaches the application guide to the rules, downloadable by anyone', async () => {
    const rules = notices.find((n) => n.kind === 'RULES')!;
    expect(rules.attachments).toEqual([
      expect.objectContaining({ fileName: '2019年立功竞赛申报指南.pdf', contentType: 'application/pdf' }),
    ]);
    const [guide] = rules.attachments;
    const response = await fetch(`${new URL(graph.gatewayUrl).origin}${guide!.downloadUrl}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(guide!.sha256);
    expect(bytes.length).toBe(guide!.size);
  });
});

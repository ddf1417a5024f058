import { Factories, type TestGraph, startGraph } from '../../src';

describe('the federated graph', () => {
  let graph: TestGraph;
  let make: Factories;

  beforeAll(async () => {
    graph = await startGraph();
    make = new Factories(graph.gateway);
  });
  afterAll(() => graph?.stop());

  it('answers one query that crosses all four subgraphs', async () => {
    const contest = await make.contest({ code: 'cross-2019', name: '聚力新科技，奋进新时代' });
    const unit = await make.organization({ name: '复旦大学附属中山医院', kind: 'HOSPITAL', creditCode: make.creditCode() });
    const submission = await make.submission({
      contestId: contest.id,
      organizationId: unit.id,
      title: '隧道内镜技术治疗胃肠道及其腔外病变的新应用',
    });
    await make.reviewRound({ contestId: contest.id });
    // The hospital is nominated for the unit award (an achievement is only once its final round found it EXCELLENT).
    await make.honor({ contestId: contest.id, awardTypeCode: 'MAY_DAY_AWARD', recipientKind: 'ORGANIZATION', recipientId: unit.id });

    const result = await graph.gateway.request<{
      submission: {
        title: string;
        organization: {
          name: string;
          kind: string;
          submissions: { totalCount: number };
          honors: { awardTypeCode: string; status: string; recipientName: string; recipient: { __typename: string; name: string } }[];
        };
        contest: { code: string; reviewRounds: { stage: string }[] };
        reviewStatus: { state: string };
        honors: unknown[];
      };
    }>(
      `query($id: ID!) {
        submission(id: $id) {
          title
          organization {
            name kind submissions { totalCount }
            honors { awardTypeCode status recipientName recipient { __typename ... on Organization { name } } }
          }
          contest { code reviewRounds { stage } }
          reviewStatus { state }
          honors { awardTypeCode }
        }
      }`,
      { id: submission.id },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.submission).toEqual({
      title: '隧道内镜技术治疗胃肠道及其腔外病变的新应用',
      organization: {
        name: '复旦大学附属中山医院',
        kind: 'HOSPITAL',
        submissions: { totalCount: 1 },
        honors: [
          {
            awardTypeCode: 'MAY_DAY_AWARD',
            status: 'NOMINATED',
            recipientName: '复旦大学附属中山医院',
            recipient: { __typename: 'Organization', name: '复旦大学附属中山医院' },
          },
        ],
      },
      contest: { code: 'cross-2019', reviewRounds: [{ stage: 'SCREENING' }] },
      reviewStatus: { state: 'NOT_ENTERED' },
      honors: [],
    });
  });
});

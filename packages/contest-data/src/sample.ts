import { makeCreditCode } from '@meritgraph/domain';
import type { GraphClient } from '@meritgraph/testing';

export const SAMPLE_CONTEST_CODE = '2019-sci-tech';

export interface SampleSummary {
  contestId: string;
  created: boolean;
  submissions: number;
  /** Ids the printed development tokens refer to. */
  ids: { organizer: string; unit: string; contact: string };
}

/** The contact person of 复旦大学附属中山医院 (synthetic). */
const CONTACT = { name: '联络员（示例）', position: '科研处联络员', phone: '13800000000', email: 'contact@example.org' };

const ACHIEVEMENTS = [
  {
    unit: '中国科学院微小卫星创新研究院',
    kind: 'RESEARCH_INSTITUTE',
    title: '新一代北斗导航卫星首发星及北斗全球系统MEO卫星组批研制',
    summary: '新一代北斗导航卫星首发星与MEO卫星组批研制：钟组无缝切换，授时精度优于GPS。',
  },
  {
    unit: '上海交大智邦科技有限公司',
    kind: 'ENTERPRISE',
    title: '汽车动力总成国产化高端加工装备与智能制造系统验证示范平台',
    summary: '汽车动力总成国产化高端加工装备与智能制造系统的验证示范平台。',
  },
  {
    unit: '复旦大学附属中山医院',
    kind: 'HOSPITAL',
    title: '隧道内镜技术治疗胃肠道及其腔外病变的新应用',
    summary: '隧道内镜技术治疗胃肠道及其腔外病变，已在31个国家和地区的412家医院推广应用。',
  },
] as const;

/**
 * A small data set for trying the graph: the 2019 contest (open for submissions) with its
 * organizer, tracks and part of its timeline, a district union that enrols the three units
 * the report names with their achievements, a unit contact, a screening round and one
 * nomination. Created through the public API by the
 * contest office (an ADMIN client); a second run finds it and changes nothing.
 */
export async function loadSample(client: GraphClient): Promise<SampleSummary> {
  const existing = await client.data<{
    contest: { id: string; submissions: { totalCount: number } } | null;
    people: { nodes: { id: string; organization: { id: string; parent: { id: string } } }[] };
  }>(
    `query($code: String!, $contact: String!) {
      contest(code: $code) { id submissions { totalCount } }
      people(nameContains: $contact, first: 1) { nodes { id organization { id parent { id } } } }
    }`,
    { code: SAMPLE_CONTEST_CODE, contact: CONTACT.name },
  );
  const contact = existing.people.nodes[0];
  if (existing.contest && contact) {
    return {
      contestId: existing.contest.id,
      created: false,
      submissions: existing.contest.submissions.totalCount,
      ids: { organizer: contact.organization.parent.id, unit: contact.organization.id, contact: contact.id },
    };
  }

  let serial = 0;
  const organization = async (name: string, kind: string, parentId?: string) => {
    serial += 1;
    const { createOrganization } = await client.data<{ createOrganization: { id: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      {
        input: {
          name,
          kind,
          parentId,
          district: '浦东新区',
          // Synthetic but valid codes (GB 32100-2015 check characters).
          creditCode: makeCreditCode('9', '1', '310115', String(20190000 + serial)),
        },
      },
    );
    return createOrganization.id;
  };

  const federation = await organization('上海市总工会', 'TRADE_UNION_FEDERATION');
  const pudong = await organization('浦东新区总工会', 'DISTRICT_UNION', federation);
  const { createContest: contest } = await client.data<{ createContest: { id: string } }>(
    `mutation($input: CreateContestInput!) { createContest(input: $input) { id } }`,
    {
      input: {
        code: SAMPLE_CONTEST_CODE,
        name: '“聚力新科技，奋进新时代”加快科创中心建设主题立功竞赛',
        year: 2019,
        theme: '加快建设具有全球影响力的科技创新中心',
        organizerId: federation,
        startsOn: '2019-03-29',
        endsOn: '2020-01-31',
      },
    },
  );
  await client.data(
    `mutation($c: ID!) {
      ic: createTrack(input: { contestId: $c, code: "IC", name: "集成电路" }) { id }
      ai: createTrack(input: { contestId: $c, code: "AI", name: "人工智能" }) { id }
      bio: createTrack(input: { contestId: $c, code: "BIOMED", name: "生物医药" }) { id }
      big: createTrack(input: { contestId: $c, code: "BIG_SCIENCE", name: "大科学、大装置、大设施" }) { id }
      launch: createMilestone(input: { contestId: $c, date: "2019-03-29", kind: LAUNCH, title: "立功竞赛启动仪式" }) { id }
      review: createMilestone(input: { contestId: $c, date: "2019-10-24", kind: REVIEW, title: "第二轮评审" }) { id }
      final: createMilestone(input: { contestId: $c, date: "2019-11-21", kind: FINAL_REVIEW, title: "终评会" }) { id }
    }`,
    { c: contest.id },
  );
  const submissionIds: string[] = [];
  const unitIds: string[] = [];
  for (const achievement of ACHIEVEMENTS) {
    const unitId = await organization(achievement.unit, achievement.kind, pudong);
    unitIds.push(unitId);
    await client.data(`mutation($c: ID!, $u: ID!, $m: ID!) { enrolUnit(input: { contestId: $c, organizationId: $u, mobilizedById: $m }) { id } }`, {
      c: contest.id,
      u: unitId,
      m: pudong,
    });
    const { createSubmission } = await client.data<{ createSubmission: { id: string } }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
      { input: { contestId: contest.id, organizationId: unitId, title: achievement.title, summary: achievement.summary } },
    );
    submissionIds.push(createSubmission.id);
  }

  const unit = unitIds[ACHIEVEMENTS.length - 1]!;
  const { createPerson } = await client.data<{ createPerson: { id: string } }>(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { ...CONTACT, organizationId: unit } },
  );
  await client.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contest.id });

  await client.data(`mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`, {
    input: { contestId: contest.id, name: '初审', stage: 'SCREENING', order: 1 },
  });
  await client.data(`mutation($input: NominateHonorInput!) { nominateHonor(input: $input) { id } }`, {
    input: {
      contestId: contest.id,
      awardTypeCode: 'EXCELLENT_ORGANIZATION',
      recipientKind: 'ORGANIZATION',
      recipientId: pudong,
      recipientName: '浦东新区总工会',
    },
  });
  return {
    contestId: contest.id,
    created: true,
    submissions: submissionIds.length,
    ids: { organizer: pudong, unit, contact: createPerson.id },
  };
}

/** The query `npm start` prints: one request that crosses all four subgraphs. */
export const SAMPLE_QUERY = `query Sample {
  contest(code: "${SAMPLE_CONTEST_CODE}") {
    name
    organizer { name }
    tracks { code name }
    milestones { date kind title }
    reviewRounds { name stage status }
    submissions(first: 3) {
      totalCount
      nodes {
        title
        organization { name parent { name honors { awardTypeCode status } } }
        reviewStatus { state }
        honors { awardTypeCode }
      }
    }
  }
}`;

/**
 * The development identities: one per role, each bound to a real record of the replayed 2019
 * contest, so that a token or the console's sign-in picker acts as someone who exists there.
 * npm start prints their tokens and hands them to the console's picker; tests sign in as them.
 */
import type { Identity, Role } from '@meritgraph/domain';
import type { GraphClient } from '@meritgraph/supergraph';
import { CONTEST_CODE } from './replay';

export interface DevelopmentIdentity {
  role: Role;
  /** Who it is, in words, as the picker and npm start show it. */
  label: string;
  claims: Omit<Identity, 'service'>;
}

const IDENTITIES_QUERY = `query($code: String!) {
  unions: organizations(nameContains: "浦东新区总工会", kind: DISTRICT_UNION, first: 1) { nodes { id name } }
  contest(code: $code) { submissions(search: "隧道内镜", first: 1) { nodes { organization { id name } leader { id name } } } }
  experts(track: "AI", title: PROFESSOR, first: 1) { nodes { id person { id name } } }
}`;

/** Reads who the identities are from the graph, as the office (a client with an ADMIN token). */
export async function developmentIdentities(admin: GraphClient): Promise<DevelopmentIdentity[]> {
  type Named = { id: string; name: string };
  const ids = await admin.data<{
    unions: { nodes: Named[] };
    contest: { submissions: { nodes: { organization: Named; leader: Named }[] } } | null;
    experts: { nodes: { id: string; person: Named }[] };
  }>(IDENTITIES_QUERY, { code: CONTEST_CODE });
  const union = ids.unions.nodes[0];
  const achievement = ids.contest?.submissions.nodes[0];
  const expert = ids.experts.nodes[0];
  if (!union || !achievement || !expert)
    throw new Error(`The ${CONTEST_CODE} contest is not loaded: no records to bind the development identities to`);
  return [
    { role: 'ADMIN', label: '上海市总工会 竞赛办公室', claims: { roles: ['ADMIN'], sub: 'office-admin' } },
    { role: 'ORGANIZER', label: union.name, claims: { roles: ['ORGANIZER'], org: union.id, sub: 'organizer-pudong' } },
    {
      role: 'SUBMITTER',
      label: `${achievement.organization.name}（${achievement.leader.name}）`,
      claims: { roles: ['SUBMITTER'], org: achievement.organization.id, sub: achievement.leader.id },
    },
    {
      role: 'EXPERT',
      label: `${expert.person.name}（AI 赛道评审专家）`,
      claims: { roles: ['EXPERT'], expert: expert.id, sub: expert.person.id },
    },
    { role: 'ANALYST', label: '数据分析组', claims: { roles: ['ANALYST'], sub: 'analyst' } },
    { role: 'AGENCY', label: '外部机构', claims: { roles: ['AGENCY'], sub: 'agency' } },
  ];
}

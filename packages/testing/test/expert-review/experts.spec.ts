import { type Factories, type GraphClient, type TestGraph } from '../../src';
import { type Id, MISSING, ext, roundsSuite, sorted } from './rounds-fixtures';

/** Expert review through the gateway: the expert pool. */
describe('expert review: the pool, rounds, intake, assignment and scorecards', () => {
  const suite = roundsSuite();
  const { org, person, expert, updateExpert, expertClient } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  beforeAll(() => {
    ({ graph, admin, make } = suite.world());
  });

  describe('the expert pool', () => {
    const countExperts = async () =>
      (await admin.data<{ experts: { totalCount: number } }>(`{ experts { totalCount } }`)).experts.totalCount;

    it("adds a person to the pool, working for the person's own organization unless another is named", async () => {
      const p = await person('王立平', org.uniA!);
      const { createExpert } = await admin.data<{ createExpert: Record<string, unknown> }>(
        `mutation($p: ID!) { createExpert(input: { personId: $p, title: ACADEMICIAN, expertise: ["AI", "BIOMED"] }) { title expertise active person { id name } affiliation { id name } } }`,
        { p },
      );
      expect(createExpert).toEqual({
        title: 'ACADEMICIAN',
        expertise: ['AI', 'BIOMED'],
        active: true,
        person: { id: p, name: '王立平' },
        affiliation: { id: org.uniA, name: '复旦大学' },
      });
      const q = await person('陈敏', org.uniA!);
      const other = await admin.data<{ createExpert: { affiliation: Id } }>(
        `mutation($p: ID!, $a: ID!) { createExpert(input: { personId: $p, affiliationId: $a, title: RESEARCHER, expertise: ["IC"] }) { affiliation { id } } }`,
        { p: q, a: org.uniB },
      );
      expect(other.createExpert.affiliation).toEqual({ id: org.uniB });
    });

    it('refuses a malformed expertise, an unknown person or organization, and a second profile for one person — naming the field, adding nobody', async () => {
      const existing = await expert('刘洋', org.uniC!, ['AI']);
      const fresh = await person('赵磊', org.uniC!);
      const before = await countExperts();
      const create = (input: Record<string, unknown>) =>
        admin.request(`mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`, {
          input: { personId: fresh, title: 'PROFESSOR', expertise: ['AI'], ...input },
        });
      for (const expertise of [['ai'], [], ['AI', 'AI'], ['BIO-MED']]) {
        expect(ext(await create({ expertise }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertise' });
      }
      expect(ext(await create({ personId: MISSING }))).toMatchObject({ code: 'NOT_FOUND', field: 'personId' });
      expect(ext(await create({ affiliationId: MISSING }))).toMatchObject({ code: 'NOT_FOUND', field: 'affiliationId' });
      expect(ext(await create({ personId: existing.personId }))).toMatchObject({ code: 'ALREADY_EXISTS', field: 'personId' });
      expect(await countExperts()).toBe(before);
      const { person: unprofiled } = await admin.data<{ person: { expertProfile: Id | null } }>(
        `query($p: ID!) { person(id: $p) { expertProfile { id } } }`,
        { p: fresh },
      );
      expect(unprofiled.expertProfile).toBeNull();

      expect(ext(await updateExpert(existing.id, { expertise: ['bio-med'] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'expertise',
      });
      expect(ext(await updateExpert(existing.id, { affiliationId: MISSING }))).toMatchObject({ code: 'NOT_FOUND', field: 'affiliationId' });
      expect(ext(await updateExpert(MISSING, { active: false }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      const { expert: unchanged } = await admin.data<{
        expert: { expertise: string[]; active: boolean; affiliation: Id; auditTrail: { nodes: { action: string }[] } };
      }>(`query($id: ID!) { expert(id: $id) { expertise active affiliation { id } auditTrail { nodes { action } } } }`, {
        id: existing.id,
      });
      expect(unchanged).toEqual({
        expertise: ['AI'],
        active: true,
        affiliation: { id: org.uniC },
        auditTrail: { nodes: [{ action: 'expert.create' }] },
      });
    });

    it('updates a profile, and its audit trail shows each change, who made it and what it was before', async () => {
      const x = await expert('孙伟', org.uniD!, ['AI']);
      const { updateExpert: changed } = await admin.data<{ updateExpert: Record<string, unknown> }>(
        `mutation($id: ID!, $a: ID!) { updateExpert(id: $id, input: { title: CHIEF_PHYSICIAN, expertise: ["BIOMED", "AI"], affiliationId: $a }) { title expertise active affiliation { id } } }`,
        { id: x.id, a: org.hospital },
      );
      expect(changed).toEqual({ title: 'CHIEF_PHYSICIAN', expertise: ['BIOMED', 'AI'], active: true, affiliation: { id: org.hospital } });
      expect((await updateExpert(x.id, { active: false })).errors).toBeUndefined();
      type Trail = { nodes: { action: string; actor: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[] };
      const { expert: read } = await admin.data<{ expert: { active: boolean; auditTrail: Trail } }>(
        `query($id: ID!) { expert(id: $id) { active auditTrail { nodes { action actor before after } } } }`,
        { id: x.id },
      );
      expect(read.active).toBe(false);
      const trail = read.auditTrail.nodes;
      expect(trail.map((n) => n.action)).toEqual(['expert.create', 'expert.update', 'expert.update']);
      expect(trail.every((n) => n.actor === 'office-admin')).toBe(true);
      expect(trail[1]!.before).toMatchObject({ title: 'PROFESSOR', expertise: ['AI'], affiliationId: org.uniD });
      expect(trail[1]!.after).toMatchObject({
        title: 'CHIEF_PHYSICIAN',
        expertise: ['BIOMED', 'AI'],
        affiliationId: org.hospital,
      });
      expect([trail[2]!.before!.active, trail[2]!.after.active]).toEqual([true, false]);
    });

    it('finds experts by a whole track code, by title, by affiliation and by whether they are active', async () => {
      const unit = (await make.organization({ name: '上海光学精密机械研究所', kind: 'RESEARCH_INSTITUTE' })).id;
      const f1 = await expert('光学专家甲', unit, ['OPTICS']);
      const f2 = await expert('光学专家乙', unit, ['PHOTONICS', 'OPTICS'], { title: 'RESEARCHER' });
      const f3 = await expert('光学专家丙', unit, ['OPTICSX']);
      const f4 = await expert('光学专家丁', unit, ['OPTICS']);
      const f5 = await expert('大科学装置专家', unit, ['BIG_SCIENCE']);
      const f6 = await expert('相似代码专家', unit, ['BIGXSCIENCE']);
      await updateExpert(f4.id, { active: false });
      const find = async (filters: string) =>
        sorted(
          (
            await admin.data<{ experts: { nodes: Id[] } }>(
              `query($a: ID!) { experts(affiliationId: $a, first: 100, ${filters}) { nodes { id } } }`,
              { a: unit },
            )
          ).experts.nodes.map((n) => n.id),
        );
      expect(await find('')).toEqual(sorted([f1.id, f2.id, f3.id, f4.id, f5.id, f6.id]));
      expect(await find('track: "OPTICS"')).toEqual(sorted([f1.id, f2.id, f4.id]));
      expect(await find('track: "OPTICS", active: true')).toEqual(sorted([f1.id, f2.id]));
      expect(await find('track: "OPTICS", active: true, title: PROFESSOR')).toEqual([f1.id]);
      expect(await find('title: RESEARCHER')).toEqual([f2.id]);
      expect(await find('active: false')).toEqual([f4.id]);
      expect(await find('track: "BIG_SCIENCE"')).toEqual([f5.id]);
      expect(ext(await admin.request(`{ experts(track: "optics") { totalCount } }`))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'track',
      });
    });

    it("shows a person's expert profile to the office, analysts and the expert itself, and to nobody else", async () => {
      const x = await expert('周婷', org.uniA!, ['AI']);
      const other = await expert('吴强', org.uniB!, ['AI']);
      const profile = async (client: GraphClient) =>
        (
          await client.data<{ person: { expertProfile: Id | null } }>(`query($p: ID!) { person(id: $p) { expertProfile { id } } }`, {
            p: x.personId,
          })
        ).person.expertProfile;
      expect(await profile(admin)).toEqual({ id: x.id });
      expect(await profile(await graph.as('ANALYST'))).toEqual({ id: x.id });
      expect(await profile(await expertClient(x))).toEqual({ id: x.id });
      expect(await profile(await expertClient(other))).toBeNull();
      const submitter = await graph.as('SUBMITTER', { org: org.uniA });
      expect(await profile(submitter)).toBeNull();
      expect(ext(await (await expertClient(other)).request(`query($id: ID!) { expert(id: $id) { id } }`, { id: x.id }))?.code).toBe(
        'FORBIDDEN',
      );
      expect(ext(await submitter.request(`{ experts { totalCount } }`))?.code).toBe('FORBIDDEN');
    });
  });
});

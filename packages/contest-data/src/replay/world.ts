import type { ExpertTitle, OrganizationKind } from '@meritgraph/domain';
import { Random } from './random';

/**
 * The world of the 2019 contest: the organizations, people, experts and achievements the
 * report names, and clearly synthetic ones for everything it does not. Pure data, made
 * from a seed; the replay creates it through the API.
 */

export type TrackCode = 'IC' | 'AI' | 'BIOMED' | 'BIG_SCIENCE';
export const TRACKS: { code: TrackCode; name: string }[] = [
  { code: 'IC', name: '集成电路' },
  { code: 'AI', name: '人工智能' },
  { code: 'BIOMED', name: '生物医药' },
  { code: 'BIG_SCIENCE', name: '大科学、大装置、大设施' },
];

export interface OrgPlan {
  key: string;
  name: string;
  kind: OrganizationKind;
  parent: string | null;
  district: string;
  /** Participating units carry the industry they submit in. */
  track?: TrackCode;
}

export interface PersonPlan {
  key: string;
  name: string;
  org: string;
  position?: string;
  /** Contact data, for a unit's contact person only (synthetic, in reserved ranges). */
  phone?: string;
  email?: string;
}

export interface ExpertPlan {
  key: string;
  person: string;
  title: ExpertTitle;
  expertise: TrackCode[];
  /** Which rounds draw on the expert. */
  roles: ('SCREENING' | 'EVALUATION' | 'FINAL_CHAIR' | 'FINAL_MEMBER')[];
  /** Final-round panel, by its first track. */
  panel?: TrackCode;
}

export interface SubmissionPlan {
  key: string;
  unit: string;
  track: TrackCode;
  title: string;
  summary: string;
  kind: 'TECHNOLOGY' | 'PRODUCT' | 'PLATFORM' | 'FACILITY';
  keywords: string[];
  effect: string;
  leader: string;
  team: string[];
  /** Latent merit, 0..1: what the experts' scores scatter around. */
  merit: number;
}

export interface World {
  orgs: OrgPlan[];
  people: PersonPlan[];
  experts: ExpertPlan[];
  submissions: SubmissionPlan[];
  mobilizerOf: Map<string, string>;
}

/** Achievements per track at scale 1: 294 in all. */
export const SUBMISSIONS_PER_TRACK: Record<TrackCode, number> = { AI: 108, BIOMED: 104, IC: 72, BIG_SCIENCE: 10 };
export const UNITS = 210;
export const EXPERTS = 100;

const DISTRICTS = [
  '浦东新区',
  '黄浦区',
  '徐汇区',
  '长宁区',
  '静安区',
  '普陀区',
  '虹口区',
  '杨浦区',
  '闵行区',
  '宝山区',
  '嘉定区',
  '金山区',
  '松江区',
  '青浦区',
  '奉贤区',
  '崇明区',
];
const PARKS: Record<string, string> = {
  浦东新区: '张江科学城',
  徐汇区: '漕河泾新兴技术开发区',
  闵行区: '紫竹高新技术产业开发区',
  杨浦区: '杨浦国家创新型城区创业基地',
  嘉定区: '嘉定工业区科技孵化基地',
  宝山区: '宝山智慧湾科创园',
  松江区: 'G60科创走廊松江园区',
  静安区: '市北高新技术服务业园区',
};
const SYLLABLES = [
  '华',
  '芯',
  '睿',
  '智',
  '联',
  '创',
  '泰',
  '科',
  '源',
  '微',
  '瑞',
  '康',
  '博',
  '恒',
  '天',
  '晶',
  '信',
  '达',
  '极',
  '元',
  '图',
  '灵',
  '海',
  '新',
  '正',
  '光',
  '磐',
  '启',
  '云',
  '锐',
];
const FIELD_WORDS: Record<TrackCode, { suffix: string; topics: string[]; kind: OrganizationKind[] }> = {
  IC: {
    suffix: '半导体',
    topics: ['5G射频前端芯片', '车规级功率器件', '安全芯片', '硅光通信芯片', '先进封装工艺', '存储控制器', 'EDA验证工具', '高端光刻胶'],
    kind: ['ENTERPRISE', 'ENTERPRISE', 'RESEARCH_INSTITUTE'],
  },
  AI: {
    suffix: '智能科技',
    topics: [
      '智能驾驶感知平台',
      '工业视觉质检系统',
      '城市大脑调度平台',
      '语音交互芯片',
      '智能制造执行系统',
      '医学影像辅助诊断',
      '知识图谱引擎',
      '服务机器人',
    ],
    kind: ['ENTERPRISE', 'ENTERPRISE', 'UNIVERSITY'],
  },
  BIOMED: {
    suffix: '生物医药',
    topics: [
      '创新靶向药物',
      '细胞治疗技术',
      '微创介入器械',
      '基因测序平台',
      '疫苗佐剂工艺',
      '手术机器人',
      '体外诊断试剂',
      '中药现代化制剂',
    ],
    kind: ['ENTERPRISE', 'HOSPITAL', 'RESEARCH_INSTITUTE'],
  },
  BIG_SCIENCE: {
    suffix: '科学装置',
    topics: ['同步辐射光束线站', '强激光装置', '蛋白质科学设施', '海底观测网', '量子计算平台'],
    kind: ['RESEARCH_INSTITUTE'],
  },
};
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉力斌宇浩凯健俊帆鹏琳晨欣怡然博睿哲思远嘉晓东海峰';

/** Named in the report, or needed by the story it tells. */
const NAMED_ORGS: OrgPlan[] = [
  { key: 'federation', name: '上海市总工会', kind: 'TRADE_UNION_FEDERATION', parent: null, district: '黄浦区' },
  { key: 'kcb', name: '上海推进科技创新中心建设办公室', kind: 'GOVERNMENT_AGENCY', parent: null, district: '黄浦区' },
  { key: 'fgw', name: '上海市发展和改革委员会', kind: 'GOVERNMENT_AGENCY', parent: null, district: '黄浦区' },
  { key: 'jxw', name: '上海市经济和信息化委员会', kind: 'GOVERNMENT_AGENCY', parent: null, district: '黄浦区' },
  { key: 'kw', name: '上海市科学技术委员会', kind: 'GOVERNMENT_AGENCY', parent: null, district: '徐汇区' },
  { key: 'tech-union', name: '上海科技工会', kind: 'INDUSTRY_UNION', parent: 'federation', district: '徐汇区' },
  { key: 'edu-union', name: '上海市教育工会', kind: 'INDUSTRY_UNION', parent: 'federation', district: '徐汇区' },
  { key: 'med-union', name: '上海市医务工会', kind: 'INDUSTRY_UNION', parent: 'federation', district: '黄浦区' },
  { key: 'cas-sh', name: '中国科学院上海分院', kind: 'RESEARCH_INSTITUTE', parent: 'tech-union', district: '徐汇区' },
  { key: 'dks', name: '上海电器科学研究所（集团）有限公司', kind: 'RESEARCH_INSTITUTE', parent: 'tech-union', district: '普陀区' },
  { key: 'ic-assoc', name: '上海市集成电路行业协会', kind: 'ASSOCIATION', parent: 'tech-union', district: '浦东新区' },
  { key: 'sjtu', name: '上海交通大学', kind: 'UNIVERSITY', parent: 'edu-union', district: '闵行区' },
  { key: 'fudan', name: '复旦大学', kind: 'UNIVERSITY', parent: 'edu-union', district: '杨浦区' },
  { key: 'fudan-micro', name: '复旦大学微电子学院', kind: 'UNIVERSITY', parent: 'fudan', district: '浦东新区' },
  { key: 'shu', name: '上海大学', kind: 'UNIVERSITY', parent: 'edu-union', district: '宝山区' },
  { key: 'ecust', name: '华东理工大学', kind: 'UNIVERSITY', parent: 'edu-union', district: '徐汇区' },
  { key: 'sioc', name: '中国科学院上海有机化学研究所', kind: 'RESEARCH_INSTITUTE', parent: 'cas-sh', district: '徐汇区' },
];

/** Participating units the report names, with the mobilizer, track and achievement it gives them. */
const NAMED_UNITS: (OrgPlan & { mobilizer: string })[] = [
  {
    key: 'huahong',
    name: '华虹集团',
    kind: 'ENTERPRISE',
    parent: 'park:浦东新区',
    district: '浦东新区',
    track: 'IC',
    mobilizer: 'district:浦东新区',
  },
  {
    key: 'microsat',
    name: '中国科学院微小卫星创新研究院',
    kind: 'RESEARCH_INSTITUTE',
    parent: 'cas-sh',
    district: '浦东新区',
    track: 'BIG_SCIENCE',
    mobilizer: 'tech-union',
  },
  {
    key: 'zhibang',
    name: '上海交大智邦科技有限公司',
    kind: 'ENTERPRISE',
    parent: 'park:闵行区',
    district: '闵行区',
    track: 'AI',
    mobilizer: 'district:闵行区',
  },
  {
    key: 'zhongshan',
    name: '复旦大学附属中山医院',
    kind: 'HOSPITAL',
    parent: 'med-union',
    district: '徐汇区',
    track: 'BIOMED',
    mobilizer: 'med-union',
  },
  {
    key: 'sinap',
    name: '中国科学院上海应用物理研究所',
    kind: 'RESEARCH_INSTITUTE',
    parent: 'cas-sh',
    district: '嘉定区',
    track: 'BIG_SCIENCE',
    mobilizer: 'tech-union',
  },
  {
    key: 'siom',
    name: '中国科学院上海光学精密机械研究所',
    kind: 'RESEARCH_INSTITUTE',
    parent: 'cas-sh',
    district: '嘉定区',
    track: 'BIG_SCIENCE',
    mobilizer: 'tech-union',
  },
];

export const NAMED_ACHIEVEMENTS: Omit<SubmissionPlan, 'key' | 'leader' | 'team' | 'merit'>[] = [
  {
    unit: 'microsat',
    track: 'BIG_SCIENCE',
    title: '新一代北斗导航卫星首发星及北斗全球系统MEO卫星组批研制',
    summary: '新一代北斗导航卫星首发星及全球系统MEO卫星组批研制，实现星载原子钟组无缝切换，授时精度优于GPS。',
    kind: 'FACILITY',
    keywords: ['北斗', '导航卫星', '原子钟'],
    effect: '支撑北斗全球系统组网，授时精度优于GPS。',
  },
  {
    unit: 'zhibang',
    track: 'AI',
    title: '汽车动力总成国产化高端加工装备与智能制造系统验证示范平台',
    summary: '面向汽车动力总成的国产高端加工装备与智能制造系统验证示范平台。',
    kind: 'PLATFORM',
    keywords: ['智能制造', '高端装备', '动力总成'],
    effect: '实现动力总成关键加工装备国产化替代。',
  },
  {
    unit: 'zhongshan',
    track: 'BIOMED',
    title: '隧道内镜技术治疗胃肠道及其腔外病变的新应用',
    summary: '隧道内镜技术治疗胃肠道及其腔外病变的新应用。',
    kind: 'TECHNOLOGY',
    keywords: ['内镜', '隧道技术', '微创'],
    effect: '在31个国家和地区的412家医院推广应用。',
  },
  {
    unit: 'sinap',
    track: 'BIG_SCIENCE',
    title: '上海光源二期线站工程',
    summary: '上海光源二期（SSRF phase II）新建线站与配套设施。',
    kind: 'FACILITY',
    keywords: ['同步辐射', '上海光源'],
    effect: '新增一批高性能光束线站，向全国用户开放。',
  },
  {
    unit: 'siom',
    track: 'BIG_SCIENCE',
    title: '超强超短激光实验装置',
    summary: '超强超短激光装置（SULF）实现10拍瓦激光放大输出。',
    kind: 'FACILITY',
    keywords: ['强激光', '拍瓦'],
    effect: '为强场物理前沿研究提供平台。',
  },
];

/** Experts the report names. */
const NAMED_EXPERTS: {
  name: string;
  org: string;
  position: string;
  title: ExpertTitle;
  expertise: TrackCode[];
  roles: ExpertPlan['roles'];
  panel?: TrackCode;
}[] = [
  {
    name: '孙晋良',
    org: 'shu',
    position: '中国工程院院士',
    title: 'ACADEMICIAN',
    expertise: ['IC', 'BIG_SCIENCE'],
    roles: ['FINAL_CHAIR'],
    panel: 'IC',
  },
  { name: '钱锋', org: 'ecust', position: '中国工程院院士', title: 'ACADEMICIAN', expertise: ['AI'], roles: ['FINAL_CHAIR'], panel: 'AI' },
  {
    name: '唐勇',
    org: 'sioc',
    position: '中国科学院院士',
    title: 'ACADEMICIAN',
    expertise: ['BIOMED'],
    roles: ['FINAL_CHAIR'],
    panel: 'BIOMED',
  },
  { name: '郭常宁', org: 'sjtu', position: '教授', title: 'PROFESSOR', expertise: ['AI'], roles: ['EVALUATION'] },
  { name: '曾璇', org: 'fudan-micro', position: '院长', title: 'PROFESSOR', expertise: ['IC'], roles: ['EVALUATION'] },
];

/** The figure a judge is drawn for: 31 judges at scale 1, spread over the tracks like the entries. */
export const JUDGES_PER_TRACK: Record<'AI' | 'BIOMED' | 'IC', number> = { AI: 11, BIOMED: 11, IC: 9 };

export function buildWorld(scale: number, seed: number): World {
  const rnd = new Random(seed);
  const orgs: OrgPlan[] = [...NAMED_ORGS];
  const mobilizerOf = new Map<string, string>();
  for (const d of DISTRICTS) {
    orgs.push({ key: `district:${d}`, name: `${d}总工会`, kind: 'DISTRICT_UNION', parent: 'federation', district: d });
    if (PARKS[d]) orgs.push({ key: `park:${d}`, name: PARKS[d]!, kind: 'PARK', parent: `district:${d}`, district: d });
  }
  for (const u of NAMED_UNITS) {
    const { mobilizer, ...org } = u;
    orgs.push(org);
    mobilizerOf.set(u.key, mobilizer);
  }

  // Participating units: the named ones, then synthetic ones spread over the districts and industries.
  const units: OrgPlan[] = NAMED_UNITS.map((u) => orgs.find((o) => o.key === u.key)!);
  const usedNames = new Set(orgs.map((o) => o.name));
  const trackCycle: TrackCode[] = ['AI', 'BIOMED', 'IC', 'AI', 'BIOMED', 'IC', 'AI', 'BIOMED'];
  for (let i = units.length; i < UNITS * scale; i++) {
    const track = trackCycle[i % trackCycle.length]!;
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const words = FIELD_WORDS[track];
    let name: string;
    do {
      const brand = rnd.pick(SYLLABLES) + rnd.pick(SYLLABLES);
      const kind = rnd.pick(words.kind);
      name =
        kind === 'ENTERPRISE'
          ? `上海${brand}${words.suffix}有限公司`
          : kind === 'HOSPITAL'
            ? `上海${brand}医院`
            : kind === 'UNIVERSITY'
              ? `上海${brand}学院${words.suffix}研究中心`
              : `上海${brand}${words.suffix}研究院`;
      if (usedNames.has(name)) name = `${name}（${i}）`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const kind: OrganizationKind = name.endsWith('有限公司')
      ? 'ENTERPRISE'
      : name.endsWith('医院')
        ? 'HOSPITAL'
        : name.includes('学院')
          ? 'UNIVERSITY'
          : 'RESEARCH_INSTITUTE';
    const parent = PARKS[district] && i % 3 !== 0 ? `park:${district}` : `district:${district}`;
    const unit: OrgPlan = { key: `unit:${i}`, name, kind, parent, district, track };
    orgs.push(unit);
    units.push(unit);
    mobilizerOf.set(unit.key, `district:${district}`);
  }

  const people: PersonPlan[] = [];
  let personSerial = 0;
  const personName = () => rnd.pick([...SURNAMES]) + rnd.pick([...GIVEN]) + (rnd.next() < 0.5 ? rnd.pick([...GIVEN]) : '');
  const person = (org: string, position?: string, name = personName()): string => {
    const key = `person:${personSerial++}`;
    people.push({ key, name, org, position });
    return key;
  };

  // Every participating unit names a contact person (联络员) for the contest office.
  units.forEach((u, i) => {
    person(u.key, '立功竞赛联络员');
    const p = people[people.length - 1]!;
    p.phone = `021-5${String(1000000 + i).slice(-7)}`;
    p.email = `contact${i}@example.org`;
  });

  // Achievements: the named ones first, then synthetic ones until each track has its share.
  const submissions: SubmissionPlan[] = [];
  const target = Object.fromEntries(Object.entries(SUBMISSIONS_PER_TRACK).map(([t, n]) => [t, n * scale])) as Record<TrackCode, number>;
  const count: Record<TrackCode, number> = { IC: 0, AI: 0, BIOMED: 0, BIG_SCIENCE: 0 };
  const add = (plan: Omit<SubmissionPlan, 'key' | 'leader' | 'team' | 'merit'>) => {
    const leader = person(plan.unit, '项目负责人');
    const team = Array.from({ length: rnd.int(2, 4) }, () => person(plan.unit, '研发骨干'));
    submissions.push({ ...plan, key: `submission:${submissions.length}`, leader, team, merit: rnd.next() });
    count[plan.track] += 1;
  };
  for (const a of NAMED_ACHIEVEMENTS) add(a);
  // Every unit submits once; then units add a second achievement until the tracks are full.
  // Big-science facilities come from research institutes, whatever their usual industry.
  const byTrack = (t: TrackCode) =>
    units.filter((u) => u.key.startsWith('unit:') && (t === 'BIG_SCIENCE' ? u.kind === 'RESEARCH_INSTITUTE' : u.track === t));
  const synthetic = (unit: OrgPlan, track: TrackCode) => {
    const words = FIELD_WORDS[track];
    const topic = rnd.pick(words.topics);
    const serial = count[track] + 1;
    add({
      unit: unit.key,
      track,
      title: `${topic}关键技术研发与产业化（${track}-${serial}）`,
      summary: `${unit.name}围绕${topic}开展攻关，形成自主知识产权并实现应用。`,
      kind: track === 'BIG_SCIENCE' ? 'FACILITY' : rnd.pick(['TECHNOLOGY', 'PRODUCT', 'PLATFORM'] as const),
      keywords: [TRACKS.find((t) => t.code === track)!.name, topic],
      effect: `已在${rnd.int(3, 120)}家单位推广应用，新增产值${rnd.int(1, 40)}亿元。`,
    });
  };
  const named = new Set(NAMED_ACHIEVEMENTS.map((a) => a.unit));
  for (const u of units) if (!named.has(u.key) && u.track && count[u.track] < target[u.track]) synthetic(u, u.track);
  for (const t of ['BIG_SCIENCE', 'IC', 'AI', 'BIOMED'] as TrackCode[]) {
    const candidates = byTrack(t);
    for (let i = 0; count[t] < target[t]; i++) synthetic(candidates[i % candidates.length]!, t);
  }

  // The expert pool: the named experts, then synthetic ones from universities, institutes,
  // agencies and a few participating units (whose own entries they must never judge).
  const experts: ExpertPlan[] = [];
  for (const e of NAMED_EXPERTS) {
    experts.push({
      key: `expert:${experts.length}`,
      person: person(e.org, e.position, e.name),
      title: e.title,
      expertise: e.expertise,
      roles: e.roles,
      panel: e.panel,
    });
  }
  // Not 中国科学院上海分院 itself: as the parent of big-science units it would conflict with their entries.
  const affiliations = ['sjtu', 'fudan', 'shu', 'ecust', 'sioc', 'jxw', 'kw', 'dks', 'ic-assoc'];
  const titles: ExpertTitle[] = ['PROFESSOR', 'RESEARCHER', 'SENIOR_ENGINEER', 'ASSOCIATE_PROFESSOR', 'CHIEF_PHYSICIAN'];
  const need = {
    EVALUATION: {
      ...JUDGES_PER_TRACK,
      AI: JUDGES_PER_TRACK.AI * scale - 1,
      IC: JUDGES_PER_TRACK.IC * scale - 1,
      BIOMED: JUDGES_PER_TRACK.BIOMED * scale,
    },
    FINAL_MEMBER: { AI: 6, BIOMED: 6, IC: 6 },
  };
  const plan: { track: 'AI' | 'BIOMED' | 'IC'; role: ExpertPlan['roles'][number] }[] = [];
  for (const track of ['AI', 'BIOMED', 'IC'] as const) {
    for (let i = 0; i < need.EVALUATION[track]; i++) plan.push({ track, role: 'EVALUATION' });
    for (let i = 0; i < need.FINAL_MEMBER[track]; i++) plan.push({ track, role: 'FINAL_MEMBER' });
  }
  while (experts.length + plan.length < EXPERTS * scale)
    plan.push({ track: (['AI', 'BIOMED', 'IC'] as const)[plan.length % 3]!, role: 'SCREENING' });
  const unitsOf = new Map(['AI', 'BIOMED', 'IC'].map((t) => [t, units.filter((u) => u.track === t)]));
  plan.forEach((p, i) => {
    // Final panels sit with no participating unit; some judges come from industry, and so from participating units.
    const fromUnit = p.role !== 'FINAL_MEMBER' && i % 7 === 3;
    const org = fromUnit ? rnd.pick(unitsOf.get(p.track)!).key : affiliations[i % affiliations.length]!;
    const expertise: TrackCode[] = p.track === 'IC' ? ['IC', 'BIG_SCIENCE'] : [p.track];
    experts.push({
      key: `expert:${experts.length}`,
      person: person(org, '评审专家'),
      title: p.track === 'BIOMED' && i % 3 === 0 ? 'CHIEF_PHYSICIAN' : titles[i % 4]!,
      expertise,
      roles: [p.role],
      panel: p.role === 'FINAL_MEMBER' ? p.track : undefined,
    });
  });
  return { orgs, people, experts, submissions, mobilizerOf };
}

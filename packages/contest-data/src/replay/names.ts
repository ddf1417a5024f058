import type { ExpertTitle, OrganizationKind } from '@meritgraph/domain';
import type { ExpertPlan, OrgPlan, SubmissionPlan, TrackCode } from './plans';

/** The names of the 2019 contest's world: those the report gives, and the syllables, words and topics the synthetic ones are made of. */

export const DISTRICTS = [
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
export const PARKS: Record<string, string> = {
  浦东新区: '张江科学城',
  徐汇区: '漕河泾新兴技术开发区',
  闵行区: '紫竹高新技术产业开发区',
  杨浦区: '杨浦国家创新型城区创业基地',
  嘉定区: '嘉定工业区科技孵化基地',
  宝山区: '宝山智慧湾科创园',
  松江区: 'G60科创走廊松江园区',
  静安区: '市北高新技术服务业园区',
};
export const SYLLABLES = [
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
export const FIELD_WORDS: Record<TrackCode, { suffix: string; topics: string[]; kind: OrganizationKind[] }> = {
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
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉力斌宇浩凯健俊帆鹏琳晨欣怡然博睿哲思远嘉晓东海峰';

/** Named in the report, or needed by the story it tells. */
export const NAMED_ORGS: OrgPlan[] = [
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
export const NAMED_UNITS: (OrgPlan & { mobilizer: string })[] = [
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
export const NAMED_EXPERTS: {
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

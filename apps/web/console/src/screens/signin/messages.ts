export default {
  zh: {
    title: '登录',
    development: '开发环境：选择一个身份登录',
    developmentHint: '这些身份对应 2019 年竞赛数据中的真实记录，令牌由平台签发，有效期 12 小时。',
    pick: '以此身份登录',
    oidc: '通过统一身份认证登录',
    unavailable: '当前无法登录：平台未配置身份认证。',
    callback: '正在完成登录…',
    callbackFailed: '登录未完成：{{reason}}',
  },
  en: {
    title: 'Sign in',
    development: 'Development: sign in as one of these identities',
    developmentHint: 'Each is bound to a real record of the 2019 contest; the platform signs its token, valid for 12 hours.',
    pick: 'Sign in as this identity',
    oidc: 'Sign in with the identity provider',
    unavailable: 'Sign-in is unavailable: no identity provider is configured.',
    callback: 'Finishing sign-in…',
    callbackFailed: 'Sign-in did not finish: {{reason}}',
  },
};

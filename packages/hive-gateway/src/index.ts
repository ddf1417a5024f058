export { type AuthPlugin, type AuthPluginOptions, meritgraphAuth } from './auth-plugin';
export { type HiveGatewayDeps, type HiveGatewayOptions, hiveGatewayOptions } from './options';
export { CALLER_HEADER, callerKey } from './caller';

export { type AuthPlugin, type AuthPluginOptions, meritgraphAuth } from './auth-plugin';
export { type HiveGatewayDeps, type HiveGatewayOptions, hiveGatewayOptions } from './options';

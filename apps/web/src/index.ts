export { createServer, type DevelopmentIdentity, type SignInSettings, type WebDeps } from './server';
export { developmentIdentities } from './identities';
export { signInFrom } from './sign-in';

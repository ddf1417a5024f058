import {
  ConfigError,
  DEV_INTERNAL_SECRET,
  DEV_JWT_SECRET,
  SERVICE_PORTS,
  SUBGRAPH_NAMES,
  gatewayEnv,
  loadConfig,
  subgraphEnv,
  subgraphUrls,
  subgraphUrlsEnv,
} from './index';

describe('loadConfig', () => {
  it('gives typed defaults for a service started with no environment', () => {
    const env = loadConfig(subgraphEnv(4001), {});
    expect(env).toMatchObject({ PORT: 4001, DATA_DIR: 'data', DATABASE_PREFIX: 'meritgraph_', NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reports every bad variable at once, naming each', () => {
    let error: unknown;
    try {
      loadConfig(gatewayEnv, { PORT: 'eighty', HONORS_URL: 'not a url', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['HONORS_URL', 'NODE_ENV', 'PORT']);
    expect((error as ConfigError).message).toContain('HONORS_URL');
  });

  it('treats an empty variable as unset', () => {
    const env = loadConfig(gatewayEnv, { JWT_JWKS_URL: '', PORT: '' });
    expect(env.JWT_JWKS_URL).toBeUndefined();
    expect(env.PORT).toBe(4000);
  });

  it('accepts a MySQL server URL and refuses other schemes', () => {
    expect(loadConfig(subgraphEnv(1), { DATABASE_URL: 'mysql://root@127.0.0.1:3306' }).DATABASE_URL).toBe('mysql://root@127.0.0.1:3306');
    expect(() => loadConfig(subgraphEnv(1), { DATABASE_URL: 'postgres://x@y' })).toThrow(/DATABASE_URL/);
  });
});

describe('production secrets', () => {
  const strong = 's'.repeat(40);

  it('refuses to start a production service with the development secrets, naming both', () => {
    expect(() => loadConfig(gatewayEnv, { NODE_ENV: 'production' })).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ variable: 'JWT_SECRET' }), expect.objectContaining({ variable: 'INTERNAL_TOKEN_SECRET' })],
      }),
    );
    expect(() => loadConfig(subgraphEnv(4004), { NODE_ENV: 'production', JWT_SECRET: strong })).toThrow(/INTERNAL_TOKEN_SECRET/);
  });

  it('starts in production with real secrets, or with a JWKS in place of the client secret', () => {
    expect(loadConfig(gatewayEnv, { NODE_ENV: 'production', JWT_SECRET: strong, INTERNAL_TOKEN_SECRET: strong }).NODE_ENV).toBe(
      'production',
    );
    expect(
      loadConfig(gatewayEnv, { NODE_ENV: 'production', JWT_JWKS_URL: 'https://id.example/jwks.json', INTERNAL_TOKEN_SECRET: strong })
        .JWT_JWKS_URL,
    ).toBe('https://id.example/jwks.json');
  });

  it('publishes no secret: what stands in for an unset one is random in each process', () => {
    const env = loadConfig(gatewayEnv, {});
    expect(env.JWT_SECRET).toBe(DEV_JWT_SECRET);
    expect(env.INTERNAL_TOKEN_SECRET).toBe(DEV_INTERNAL_SECRET);
    expect(DEV_JWT_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(DEV_JWT_SECRET).not.toBe(DEV_INTERNAL_SECRET);
    jest.isolateModules(() => {
      const another = jest.requireActual<typeof import('./index')>('./index');
      expect(another.DEV_JWT_SECRET).not.toBe(DEV_JWT_SECRET);
      expect(another.DEV_INTERNAL_SECRET).not.toBe(DEV_INTERNAL_SECRET);
    });
  });
});

describe('the subgraph list', () => {
  it('routes each subgraph to its own variable, defaulting to its local port', () => {
    const urls = subgraphUrls(loadConfig(subgraphUrlsEnv, { HONORS_URL: 'http://honors.internal:8080/graphql' }));
    expect(urls).toEqual({
      organizations: 'http://127.0.0.1:4001/graphql',
      submissions: 'http://127.0.0.1:4002/graphql',
      'expert-review': 'http://127.0.0.1:4003/graphql',
      honors: 'http://honors.internal:8080/graphql',
      analytics: 'http://127.0.0.1:4005/graphql',
    });
  });

  it('gives every service its own port', () => {
    const ports = Object.values(SERVICE_PORTS);
    expect(new Set(ports).size).toBe(SUBGRAPH_NAMES.length + 1);
  });
});

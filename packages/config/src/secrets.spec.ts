import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEV_JWT_SECRET, gatewayEnv, loadConfig, subgraphEnv } from './index';
import { SecretsError, developmentSecrets, secretsFile, withDevelopmentSecrets } from './secrets';

let dataDir: string;
beforeEach(() => (dataDir = join(mkdtempSync(join(tmpdir(), 'mg-secrets-')), 'data')));
afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

describe('development secrets of an installation', () => {
  it('are made at random on first use, in DATA_DIR/secrets.json, readable by their owner only', () => {
    const secrets = developmentSecrets(dataDir);
    expect(secrets.JWT_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secrets.INTERNAL_TOKEN_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secrets.JWT_SECRET).not.toBe(secrets.INTERNAL_TOKEN_SECRET);
    const file = join(dataDir, 'secrets.json');
    expect(secretsFile(dataDir)).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(secrets);
    // Nothing but the file is left behind.
    expect(readdirSync(dataDir)).toEqual(['secrets.json']);
  });

  it('are the same every time after that, and differ from another installation’s', () => {
    const first = developmentSecrets(dataDir);
    expect(developmentSecrets(dataDir)).toEqual(first);
    expect(developmentSecrets(dataDir, { create: false })).toEqual(first);
    const other = developmentSecrets(join(dataDir, '..', 'elsewhere'));
    expect(other.JWT_SECRET).not.toBe(first.JWT_SECRET);
    expect(other.INTERNAL_TOKEN_SECRET).not.toBe(first.INTERNAL_TOKEN_SECRET);
  });

  it('are not made by a tool that only reads them (npm run token): it says to run npm start first', () => {
    expect(() => developmentSecrets(dataDir, { create: false })).toThrow(SecretsError);
    expect(() => developmentSecrets(dataDir, { create: false })).toThrow(/secrets\.json: run npm start/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a damaged file rather than replacing the installation’s secrets', () => {
    developmentSecrets(dataDir);
    const file = secretsFile(dataDir);
    writeFileSync(file, '{"JWT_SECRET": "short"');
    expect(() => developmentSecrets(dataDir)).toThrow(/not JSON.*delete it/);
    writeFileSync(file, JSON.stringify({ JWT_SECRET: 'short', INTERNAL_TOKEN_SECRET: 'x'.repeat(40) }));
    expect(() => developmentSecrets(dataDir)).toThrow(/no JWT_SECRET of 32\+ characters/);
    expect(readFileSync(file, 'utf8')).toContain('short');
  });
});

describe('a service’s environment in development', () => {
  it('takes the installation’s secrets for those it leaves unset, the same for the gateway and every subgraph', () => {
    const secrets = developmentSecrets(dataDir);
    const gateway = loadConfig(gatewayEnv, withDevelopmentSecrets({ DATA_DIR: dataDir }));
    const honors = loadConfig(subgraphEnv(4004), withDevelopmentSecrets({ DATA_DIR: dataDir }));
    for (const env of [gateway, honors]) {
      expect(env.JWT_SECRET).toBe(secrets.JWT_SECRET);
      expect(env.INTERNAL_TOKEN_SECRET).toBe(secrets.INTERNAL_TOKEN_SECRET);
    }
  });

  it('keeps secrets that are set, and needs no file when both are', () => {
    const set = { DATA_DIR: dataDir, JWT_SECRET: 'j'.repeat(40), INTERNAL_TOKEN_SECRET: 'i'.repeat(40) };
    expect(withDevelopmentSecrets(set)).toEqual(set);
    expect(existsSync(dataDir)).toBe(false);
    const partly = withDevelopmentSecrets({ DATA_DIR: dataDir, JWT_SECRET: 'j'.repeat(40) });
    expect(partly.JWT_SECRET).toBe('j'.repeat(40));
    expect(partly.INTERNAL_TOKEN_SECRET).toBe(developmentSecrets(dataDir).INTERNAL_TOKEN_SECRET);
  });

  it('adds no client secret where tokens come from a JWKS', () => {
    const env = withDevelopmentSecrets({ DATA_DIR: dataDir, JWT_JWKS_URL: 'https://id.example/jwks.json' });
    expect(env.JWT_SECRET).toBeUndefined();
    expect(env.INTERNAL_TOKEN_SECRET).toBe(developmentSecrets(dataDir).INTERNAL_TOKEN_SECRET);
  });

  it('is what loadConfig reads when a service reads its own environment', () => {
    const saved = { ...process.env };
    try {
      process.env.DATA_DIR = dataDir;
      process.env.NODE_ENV = 'development';
      delete process.env.JWT_SECRET;
      delete process.env.INTERNAL_TOKEN_SECRET;
      delete process.env.JWT_JWKS_URL;
      const env = loadConfig(gatewayEnv);
      expect(env.JWT_SECRET).toBe(developmentSecrets(dataDir).JWT_SECRET);
      expect(env.JWT_SECRET).not.toBe(DEV_JWT_SECRET);
    } finally {
      process.env = saved;
    }
  });
});

describe('production', () => {
  it('never takes the development path: with a secrets file present it still refuses to start without real secrets', () => {
    developmentSecrets(dataDir);
    const env = { NODE_ENV: 'production', DATA_DIR: dataDir };
    expect(withDevelopmentSecrets(env)).toEqual(env);
    let error: unknown;
    try {
      loadConfig(gatewayEnv, withDevelopmentSecrets(env));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['JWT_SECRET', 'INTERNAL_TOKEN_SECRET']);
    expect(() => loadConfig(subgraphEnv(4001), withDevelopmentSecrets(env))).toThrow(/INTERNAL_TOKEN_SECRET/);
  });

  it('makes no secrets file', () => {
    withDevelopmentSecrets({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(existsSync(dataDir)).toBe(false);
  });
});

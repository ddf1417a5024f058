import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUBGRAPH_NAMES, subgraphVariable } from '@meritgraph/config';

const ROOT = resolve(__dirname, '../../../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const snake = (name: string) => name.replace(/-/g, '_');

describe('the Docker image', () => {
  const dockerfile = read('Dockerfile');

  it('builds and runs on Node 22 LTS, while the code still allows Node 20 (CI)', () => {
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1])).toEqual(['node:22-bookworm-slim', 'node:22-bookworm-slim']);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.19 <21 || >=22');
  });

  it('copies the manifest of every workspace before npm ci, or npm ci refuses the lockfile', () => {
    const workspaces = ['apps', 'packages'].flatMap((dir) =>
      readdirSync(join(ROOT, dir))
        .filter((name) => existsSync(join(ROOT, dir, name, 'package.json')))
        .map((name) => `${dir}/${name}`),
    );
    const copied = [...dockerfile.matchAll(/^COPY (\S+)\/package\.json \1\/$/gm)].map((m) => m[1]);
    expect([...copied].sort()).toEqual([...workspaces].sort());
    expect(dockerfile.indexOf('RUN npm ci')).toBeGreaterThan(dockerfile.lastIndexOf('/package.json '));
  });

  it('makes every folder compose mounts a named volume on writable by the node user it runs as', () => {
    const compose = read('docker-compose.yml');
    // A named volume starts with the ownership of the folder it is mounted on; MySQL's own image owns its data folder.
    const mounts = [...compose.matchAll(/^ {6}- ([a-z-]+):(\/\S+)$/gm)].filter((m) => m[1] !== 'mysql-data').map((m) => m[2]!);
    expect(mounts).toEqual(expect.arrayContaining(['/srv/files', '/srv/mail']));
    const chown = /^RUN mkdir -p (.+) && chown node:node (.+)$/m.exec(dockerfile);
    expect(dockerfile).toMatch(/^USER node$/m);
    for (const folder of mounts) {
      expect(chown?.[1]!.split(' ')).toContain(folder);
      expect(chown?.[2]!.split(' ')).toContain(folder);
    }
  });

  it('never builds in the secrets compose mounts', () => {
    expect(read('.dockerignore').split('\n')).toContain('deploy/secrets');
  });
});

describe('the compose deployment', () => {
  const compose = read('docker-compose.yml');
  const initScript = read('deploy/mysql/10-subgraph-users.sh');

  it('makes a database and a user for every subgraph and for the notifier, and no other', () => {
    const loop = /^for subgraph in (.+); do$/m.exec(initScript)?.[1];
    expect(loop?.split(' ')).toEqual([...SUBGRAPH_NAMES.map(snake), 'notifier']);
  });

  it('has every secret it reads in the README’s table of secrets, and the count the README gives', () => {
    const readme = read('README.md');
    // The top-level secrets: each a name at two spaces, its file on the line below.
    const block = compose.slice(compose.indexOf('\nsecrets:\n'), compose.indexOf('\nvolumes:\n'));
    const secrets = [...block.matchAll(/^ {2}([a-z_]+):$/gm)].map((m) => m[1]!);
    expect(secrets).toContain('db_password_notifier');
    const section = readme.slice(readme.indexOf('**Secrets.**'), readme.indexOf('**One MySQL user per subgraph.**'));
    const named = [...section.matchAll(/^\| (.+?) \|/gm)].flatMap((row) => [...row[1]!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));
    expect([...named].sort()).toEqual([...secrets].sort());
    const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    expect(section).toContain(`Compose reads ${WORDS[secrets.length]} Docker secrets`);
  });

  it('runs each subgraph as its own user, and gives the replay every one of them', () => {
    for (const name of SUBGRAPH_NAMES) {
      const user = `\${DATABASE_PREFIX:-meritgraph_}${snake(name)}`;
      const secret = `/run/secrets/db_password_${snake(name)}`;
      const service = compose.slice(compose.indexOf(`\n  ${name}:\n`), compose.indexOf('depends_on', compose.indexOf(`\n  ${name}:\n`)));
      expect(service).toContain(`DATABASE_USER: ${user}\n`);
      expect(service).toContain(`DATABASE_PASSWORD_FILE: ${secret}\n`);
      expect(compose).toContain(`${subgraphVariable('USER', name)}: ${user}\n`);
      expect(compose).toContain(`${subgraphVariable('PASSWORD', name)}_FILE: ${secret}\n`);
    }
  });
});

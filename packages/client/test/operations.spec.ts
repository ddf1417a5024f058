import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DocumentNode, type OperationDefinitionNode, parse, print } from 'graphql';
import * as client from '../src';
import type { FiguresQuery, OrganizationHonorsQuery, StoryQuery } from '../src';

const ROOT = join(__dirname, '..', '..', '..');
const OPERATIONS = join(__dirname, '..', 'src', 'operations');

/** Every GraphQL block of the README, parsed. */
const readmeBlocks = (): DocumentNode[] =>
  [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => parse(m[1]!));

const operationOf = (doc: DocumentNode): OperationDefinitionNode => {
  const [definition, ...more] = doc.definitions;
  if (more.length || definition?.kind !== 'OperationDefinition') throw new Error(`not one operation: ${print(doc)}`);
  return definition;
};

/** The operation documents of the client in a folder (the README's by default), by file name (without .graphql). */
const clientDocuments = (dir = OPERATIONS): Map<string, DocumentNode> =>
  new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => [f.slice(0, -'.graphql'.length), parse(readFileSync(join(dir, f), 'utf8'))]),
  );

/** The web console's operations. */
const CONSOLE = join(OPERATIONS, 'console');

describe('the typed client', () => {
  it('holds every operation of the README, printed the same, in a file named after it', () => {
    const documents = clientDocuments();
    const blocks = readmeBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      const name = operationOf(block).name?.value;
      expect(name).toMatch(/^[A-Z]\w+$/); // an anonymous operation cannot become a typed document
      const document = documents.get(name!);
      expect({ name, document: document && print(document) }).toEqual({ name, document: print(block) });
    }
  });

  it('holds no operation the README does not show', () => {
    const shown = readmeBlocks().map((b) => operationOf(b).name?.value);
    expect([...clientDocuments().keys()].sort()).toEqual([...shown].sort());
  });

  it('each file, the README’s and the console’s, holds one operation with the file’s name, and the index exports it as a typed document', () => {
    const readme = clientDocuments();
    const console = clientDocuments(CONSOLE);
    expect(console.size).toBeGreaterThan(0);
    expect([...console.keys()].filter((name) => readme.has(name))).toEqual([]);
    for (const [file, document] of [...readme, ...console]) {
      expect(operationOf(document).name?.value).toBe(file);
      const exported = (client as Record<string, unknown>)[`${file}Document`] as DocumentNode | undefined;
      expect(exported && print(exported)).toBe(print(document));
    }
  });
});

// Compile-time: the scalars are mapped (a wrong mapping fails the type check, so `npm test`).
type IsAny<T> = 0 extends 1 & T ? true : false;
type Exactly<T, U> = IsAny<T> extends true ? false : [T] extends [U] ? ([U] extends [T] ? true : false) : false;
type Milestone = NonNullable<FiguresQuery['contest']>['milestones'][number];
type Conferral = NonNullable<NonNullable<OrganizationHonorsQuery['organizations']>['nodes'][number]['honors']>[number];
type Story = NonNullable<NonNullable<StoryQuery['contest']>['submissions']>['nodes'][number];
const mapped: [Exactly<Milestone['date'], string>, Exactly<Conferral['conferredOn'], string | null>, Exactly<Story['title'], string>] = [
  true,
  true,
  true,
];

describe('the typed answers', () => {
  it('map LocalDate to an ISO date string (the type check fails otherwise)', () => {
    expect(mapped).toEqual([true, true, true]);
    const milestone: Milestone = { date: '2019-03-29', kind: 'LAUNCH', title: '启动' };
    expect(milestone.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

import { createHash } from 'node:crypto';
import type { Role } from '@meritgraph/domain';
import { type CellValue, type SheetSpec, XLSX_TYPE, writeSheet } from '@meritgraph/subgraph-kit';
import type { TestGraph } from '../../src';

/** What an import answers: what it read, what it would write (or wrote), and every problem by row and column. */
export type Report = {
  kind: string;
  sha256: string;
  rows: number;
  valid: number;
  committed: boolean;
  created: number;
  problems: { row: number; column: string | null; header: string | null; field: string | null; code: string; message: string }[];
};

export type ImportAnswer = {
  status: number;
  body: Report & { report?: Report; errors?: { extensions: { code: string } }[] };
  sha256: string;
};

/** A caller of the graph's import routes through the gateway, signed in with the roles and claims given. */
export function importer(graph: TestGraph) {
  const origin = new URL(graph.gatewayUrl).origin;
  const bearer = async (roles: Role[], claims: { sub?: string; org?: string }) =>
    `Bearer ${await graph.auth.client.signDev({ roles, sub: 'office-clerk', ...claims })}`;

  /** Posts the bytes as the sheet of `kind`. */
  const sendBytes = async (
    kind: string,
    body: Buffer,
    mode: 'dry-run' | 'commit',
    roles: Role[] = ['ADMIN'],
    claims: { sub?: string; org?: string } = {},
  ): Promise<ImportAnswer> => {
    const response = await fetch(`${origin}/imports/${kind}?mode=${mode}`, {
      method: 'POST',
      headers: { authorization: await bearer(roles, claims), 'content-type': XLSX_TYPE },
      body: new Uint8Array(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as ImportAnswer['body'],
      sha256: createHash('sha256').update(body).digest('hex'),
    };
  };

  return {
    sendBytes,
    /** Writes the rows as the template lays them out, and posts them. */
    send: async (
      spec: SheetSpec,
      rows: Record<string, CellValue>[],
      mode: 'dry-run' | 'commit',
      roles: Role[] = ['ADMIN'],
      claims: { sub?: string; org?: string } = {},
    ) => sendBytes(spec.kind, await writeSheet(spec, rows), mode, roles, claims),
    /** Downloads the template of `kind`. */
    template: async (kind: string) => {
      const response = await fetch(`${origin}/templates/${kind}.xlsx`, { headers: { authorization: await bearer(['ADMIN'], {}) } });
      return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
    },
  };
}

/** The import entries of the organizations subgraph's audit log, of one kind. */
export async function importAudit(graph: TestGraph, kind: string) {
  const rows = (await graph.subgraphs.organizations.db.dataSource.query(
    `SELECT action, actor, entity_type AS entityType, after FROM audit_entry WHERE action = ?`,
    [`import.${kind}`],
  )) as { action: string; actor: string; entityType: string; after: string }[];
  return rows.map((r) => ({ ...r, after: JSON.parse(r.after) as { kind: string; sha256: string; rows: number; created: number } }));
}

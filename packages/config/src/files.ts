import { readFileSync } from 'node:fs';

/** `<NAME>_FILE` names a file holding the value of NAME, as Docker and Kubernetes mount secrets. */
export const FILE_SUFFIX = '_FILE';

export interface VariableProblem {
  variable: string;
  message: string;
}

/**
 * The environment with each `<NAME>_FILE` of the given names replaced by the file's content
 * as NAME (trailing line breaks dropped, as `echo value > file` leaves one). A file that
 * cannot be read, an empty one, or NAME set as well is a problem named after the `_FILE`
 * variable. An empty variable counts as unset.
 */
export function readVariableFiles(
  env: NodeJS.ProcessEnv,
  names: readonly string[],
): { env: NodeJS.ProcessEnv; problems: VariableProblem[] } {
  const resolved: NodeJS.ProcessEnv = { ...env };
  const problems: VariableProblem[] = [];
  for (const name of names) {
    const variable = `${name}${FILE_SUFFIX}`;
    const path = env[variable];
    if (!path) continue;
    if (env[name]) {
      problems.push({ variable, message: `set ${name} or ${variable}, not both` });
      continue;
    }
    let value: string;
    try {
      value = readFileSync(path, 'utf8').replace(/[\r\n]+$/, '');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      problems.push({ variable, message: `cannot read ${path}: ${reason}` });
      continue;
    }
    if (value === '') problems.push({ variable, message: `${path} is empty` });
    else resolved[name] = value;
  }
  return { env: resolved, problems };
}

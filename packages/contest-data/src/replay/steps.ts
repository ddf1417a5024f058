/** One step of the replay as it reports it: what it did, how many, and how long it took. */
export interface StepRecord {
  step: string;
  count: number;
  ms: number;
}

/** Runs one step of the replay, recording and logging its count and time; resolves to the step's value. */
export type Step = <T>(name: string, run: () => Promise<{ count: number; value: T }>) => Promise<T>;

/**
 * The wall time since it was started, in ms. The replay's own progress is timed on the real
 * clock, never on the platform's, which the replay holds at dates of 2019.
 */
export function stopwatch(): () => number {
  const started = Date.now();
  return () => Date.now() - started;
}

/** Steps that append to `steps` and log one line each as they finish. */
export function stepRecorder(steps: StepRecord[], log: (line: string) => void): Step {
  return async (name, run) => {
    const elapsed = stopwatch();
    const { count, value } = await run();
    const ms = elapsed();
    steps.push({ step: name, count, ms });
    log(`${name.padEnd(44)} ${String(count).padStart(7)}  ${(ms / 1000).toFixed(1).padStart(6)} s`);
    return value;
  };
}

// One summary line per hardening suite (`bad-input: 651 tried, 0 server errors, 0 stored`): the
// test puts it into its task's meta, the reporter in `scripts/test/bericht-reporter.ts` prints
// all of them together at the end of the run, so they are not lost between vitest's lines.
import type { TestContext } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** `suite: figures`, counted by the test. */
    bericht?: string;
  }
}

export function berichte(context: Pick<TestContext, 'task'>, suite: string, zahlen: string) {
  context.task.meta.bericht = `${suite}: ${zahlen}`;
}

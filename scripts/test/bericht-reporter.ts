// Prints the summary lines the hardening suites leave in their tasks' meta (see
// `packages/testing/src/bericht.ts`), once, after vitest's own summary.
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';

export default class BerichtReporter implements Reporter {
  private ctx!: Vitest;
  private readonly zeilen: string[] = [];

  onInit(ctx: Vitest) {
    this.ctx = ctx;
  }

  onTestCaseResult(testCase: TestCase) {
    const bericht = testCase.meta().bericht;
    if (bericht) this.zeilen.push(bericht);
  }

  onTestRunEnd(_module: ReadonlyArray<TestModule>) {
    if (this.zeilen.length === 0) return;
    this.ctx.logger.log(['', 'Hardening:', ...this.zeilen.sort().map((z) => `  ${z}`), ''].join('\n'));
  }
}

// A system program run for OCR ends with its whole process group: a timeout, the job's abort, or
// the program's own end do not leave a child running that keeps the pipes (and the job) open.
import { describe, expect, it } from 'vitest';
import { getPriority } from 'node:os';
import { NACHRANG, starte } from '../src/adapter/programm.js';

describe('running a system program', () => {
  it('is done when the program ends, though a child it left holds the pipes', async () => {
    const t0 = Date.now();
    const lauf = await starte('sh', ['-c', 'sleep 30 & echo fertig'], 60_000);
    expect(lauf).toMatchObject({ code: 0, fehlt: false, stdout: 'fertig\n' });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('kills the program and its children at the timeout and on abort', async () => {
    const t0 = Date.now();
    expect(await starte('sh', ['-c', 'sleep 30 & sleep 30'], 300)).toMatchObject({ code: null, fehlt: false });
    const abbruch = new AbortController();
    setTimeout(() => abbruch.abort(), 300);
    expect(await starte('sh', ['-c', 'sleep 30 & sleep 30'], 60_000, abbruch.signal)).toMatchObject({ code: null, fehlt: false });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('runs a program that may wait (the preview) at a lower CPU priority, its children too', async () => {
    // field 19 of /proc/<pid>/stat is the nice value; the child's is read after its parent's was set
    const nice = 'sleep 0.3; sh -c \'cut -d" " -f19 /proc/$$/stat\'';
    expect((await starte('sh', ['-c', nice], 10_000, undefined, { nachrangig: true })).stdout.trim()).toBe(String(Math.max(NACHRANG, getPriority())));
    expect((await starte('sh', ['-c', nice], 10_000)).stdout.trim()).toBe(String(getPriority()));
  });

  it('says when the program is not installed', async () => {
    expect(await starte('gibt-es-nicht-eakte', [], 1000)).toMatchObject({ fehlt: true });
  });
});

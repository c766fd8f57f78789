/**
 * The pid line of a channel's shell is found wherever sudo's warnings put it,
 * is never part of the result, and nothing the task prints can pass for it.
 */
import { describe, expect, it } from 'vitest';
import { PidMarkerReader } from '../../engine/connection/pid-marker.js';

const MARKER = '@@cxpid_0123abcd ';

/** Feeds the chunks; returns the stderr kept and the pid reported. */
async function read(chunks: readonly string[], closes = true): Promise<{ stderr: string; pid: number | undefined }> {
  const reader = new PidMarkerReader(MARKER);
  const kept: Buffer[] = [];
  for (const chunk of chunks) {
    const part = reader.read(Buffer.from(chunk, 'utf8'));
    if (part) kept.push(part);
  }
  if (closes) {
    const rest = reader.finish();
    if (rest) kept.push(rest);
  }
  return { stderr: Buffer.concat(kept).toString('utf8'), pid: await reader.pid };
}

describe('the pid line', () => {
  it('is found as the first line, and the rest is the stderr', async () => {
    expect(await read([`${MARKER}42\nboom\n`])).toEqual({ stderr: 'boom\n', pid: 42 });
  });

  it("is found after sudo's warnings, which are not the task's stderr (as in ansible-playbook)", async () => {
    expect(await read(['sudo: unable to resolve host node1: Name or service not known\n', `${MARKER}77\n`, 'err\n'])).toEqual({ stderr: 'err\n', pid: 77 });
  });

  it('is found when split over chunks, characters split over chunks stay whole', async () => {
    const text = `sudo: warn\n${MARKER}1234\nélan\n`;
    const bytes = Buffer.from(text, 'utf8');
    const chunks = Array.from(bytes, (byte) => Buffer.from([byte]).toString('latin1'));
    const reader = new PidMarkerReader(MARKER);
    const kept = chunks.map((chunk) => reader.read(Buffer.from(chunk, 'latin1'))).filter((part): part is Buffer => part !== undefined);
    expect(Buffer.concat(kept).toString('utf8')).toBe('élan\n');
    expect(await reader.pid).toBe(1234);
  });

  it('only the first one counts: a later line that looks like it is stderr', async () => {
    expect(await read([`${MARKER}42\n`, `${MARKER}99\n`])).toEqual({ stderr: `${MARKER}99\n`, pid: 42 });
  });

  it('missing (sudo refused), everything is stderr and there is no pid', async () => {
    expect(await read(['sudo: a password is required\n'])).toEqual({ stderr: 'sudo: a password is required\n', pid: undefined });
  });

  it('is not taken from the middle of a line', async () => {
    expect(await read([`say ${MARKER}42\n`])).toEqual({ stderr: `say ${MARKER}42\n`, pid: undefined });
  });
});

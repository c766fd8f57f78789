/** Which output a run gets: the live view on a terminal, plain lines in pipes and under CI, or what -o asks for. */
import { afterEach, describe, expect, it } from 'vitest';
import { chooseViewKind } from '../../engine/views/view.js';

const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('output choice', () => {
  it('a terminal gets the live view, a pipe plain lines', () => {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    expect(chooseViewKind(undefined, true)).toBe('tui');
    expect(chooseViewKind(undefined, false)).toBe('plain');
  });

  it('under CI a terminal gets plain lines too, unless -o asks for the live view', () => {
    process.env.CI = 'true';
    expect(chooseViewKind(undefined, true)).toBe('plain');
    expect(chooseViewKind('tui', true)).toBe('tui');
    process.env.CI = 'false';
    expect(chooseViewKind(undefined, true)).toBe('tui');
  });

  it('an unknown output is a bad option (exit 5) naming the choices', () => {
    expect(() => chooseViewKind('fancy', true)).toThrowError(/unknown output 'fancy'/);
  });
});

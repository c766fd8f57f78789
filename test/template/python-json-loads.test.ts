/** JSON text read as Python's json.loads reads it: whole floats stay floats, everything else as JSON.parse gives it. */
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../engine/template/python.js';
import { pythonJsonLoads } from '../../engine/template/python-json-loads.js';

describe('pythonJsonLoads', () => {
  it('keeps a number written with a point or an exponent a float when its value is whole', () => {
    const value = pythonJsonLoads('{"a": 2.0, "b": [1e3, 5, -0.0, 1E+2, 2.5], "n": -7}') as Record<string, unknown>;
    expect(value.a).toEqual(new PyFloat(2));
    expect(value.b).toEqual([new PyFloat(1000), 5, new PyFloat(-0), new PyFloat(100), 2.5]);
    expect(value.n).toBe(-7);
  });

  it('leaves numbers inside strings, escaped quotes included, as text', () => {
    expect(pythonJsonLoads('{"c": "2.0 \\"x\\" 3.0", "d": "1e3"}')).toEqual({ c: '2.0 "x" 3.0', d: '1e3' });
  });

  it('passes what it revives through the caller reviver, and refuses what JSON.parse refuses', () => {
    const seen: unknown[] = [];
    pythonJsonLoads('{"x": 1.0}', (key, value) => {
      if (key === 'x') seen.push(value);
      return value;
    });
    expect(seen).toEqual([new PyFloat(1)]);
    expect(() => pythonJsonLoads('{"x": 1.0,}')).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../engine/load/suggest.js';

describe('did you mean', () => {
  const keywords = ['when', 'name', 'loop', 'notify', 'register', 'become_user', 'changed_when'];

  it('suggests the closest name for a typo, a missing letter or two swapped letters', () => {
    expect(closest('whn', keywords)).toBe('when');
    expect(closest('regsiter', keywords)).toBe('register');
    expect(closest('notfy', keywords)).toBe('notify');
    expect(closest('Become_User', keywords)).toBe('become_user');
  });

  it('suggests nothing when no name is close', () => {
    expect(closest('frobnicate', keywords)).toBeUndefined();
    expect(didYouMean('frobnicate', keywords)).toBe('');
  });

  it('formats the suggestion for an error message', () => {
    expect(didYouMean('coppy', ['copy', 'command'])).toBe(" — did you mean 'copy'?");
  });

  it('allows more edits in longer words', () => {
    expect(closest('rke2-servr', ['rke2-server', 'rke2-agent'])).toBe('rke2-server');
    expect(closest('chaned_whn', keywords)).toBe('changed_when');
  });
});

/** The keys of pause's answer, as Ansible's pause reads them: Enter, backspace, Ctrl-C then C or A. */
import { describe, expect, it } from 'vitest';
import { NO_ANSWER, typedKeys } from '../../engine/views/operator-keys.js';

describe('typedKeys', () => {
  it('ends at Enter with what was typed, backspace erasing a whole character', () => {
    expect(typedKeys(NO_ANSWER, 'héx\u007fllo')).toEqual({ answer: { text: 'héllo', interrupted: false } });
    expect(typedKeys({ text: 'ab', interrupted: false }, 'c\rignored')).toEqual({ done: 'continue', text: 'abc' });
    expect(typedKeys(NO_ANSWER, '\b\b\n')).toEqual({ done: 'continue', text: '' });
  });

  it('asks after Ctrl-C: C continues with the answer so far, A aborts, other keys are ignored', () => {
    const interrupted = typedKeys({ text: 'so far', interrupted: false }, '\u0003');
    expect(interrupted).toEqual({ answer: { text: 'so far', interrupted: true } });
    expect(typedKeys({ text: 'so far', interrupted: true }, 'xC')).toEqual({ done: 'continue', text: 'so far' });
    expect(typedKeys({ text: 'so far', interrupted: true }, '\ra')).toEqual({ done: 'abort' });
  });
});

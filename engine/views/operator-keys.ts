/**
 * The keys of an answer typed for pause, as Ansible's pause reads them in raw
 * mode: Enter ends it, backspace erases, Ctrl-C asks whether to continue (C:
 * the answer so far) or abort (A). Pure, so the plain lines (engine/cli/prompt.ts)
 * and the live view read keys the same way.
 */
export interface TypedAnswer {
  readonly text: string;
  /** Ctrl-C was pressed: the next C or A decides. */
  readonly interrupted: boolean;
}

export type KeyOutcome = { readonly answer: TypedAnswer } | { readonly done: 'continue'; readonly text: string } | { readonly done: 'abort' };

export const ABORT_MESSAGE = 'user requested abort!';
export const CONTINUE_OR_ABORT = "Press 'C' to continue the play or 'A' to abort";

const ENTER = new Set(['\r', '\n']);
const ERASE = new Set(['\u007f', '\b']);
const INTERRUPT = '\u0003';

export const NO_ANSWER: TypedAnswer = { text: '', interrupted: false };

/** The answer after `keys`: still being typed, or done. */
export function typedKeys(answer: TypedAnswer, keys: string): KeyOutcome {
  let { text, interrupted } = answer;
  for (const key of keys) {
    if (interrupted) {
      if (key.toLowerCase() === 'c') return { done: 'continue', text };
      if (key.toLowerCase() === 'a') return { done: 'abort' };
    } else if (key === INTERRUPT) interrupted = true;
    else if (ENTER.has(key)) return { done: 'continue', text };
    // By code point: an erased character is never half of one.
    else if (ERASE.has(key)) text = [...text].slice(0, -1).join('');
    else text += key;
  }
  return { answer: { text, interrupted } };
}

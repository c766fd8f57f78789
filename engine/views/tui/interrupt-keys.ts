/**
 * Ctrl-C while the live view owns the terminal. Raw mode keeps typed keys
 * from echoing into the frames, so the terminal sends Ctrl-C as a byte
 * (0x03) instead of a SIGINT; it is turned into the same clean stop.
 */
const CTRL_C = '\u0003';

export interface KeyInput {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * Starts listening; the returned function restores the terminal (raw mode
 * off) and lets the process exit. `takeKeys`, when it returns true, has
 * taken the keys itself (an answer being typed: its Ctrl-C is its own).
 */
export function listenForCtrlC(input: KeyInput, onCtrlC: () => void, takeKeys: (keys: string) => boolean = () => false): () => void {
  if (!input.isTTY || typeof input.setRawMode !== 'function') return () => undefined;
  const onData = (chunk: Buffer | string) => {
    if (takeKeys(String(chunk))) return;
    if (String(chunk).includes(CTRL_C)) onCtrlC();
  };
  input.setRawMode(true);
  input.on('data', onData);
  input.resume();
  return () => {
    input.off('data', onData);
    input.setRawMode?.(false);
    input.pause();
  };
}

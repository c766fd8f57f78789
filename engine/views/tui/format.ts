/** Small text helpers shared by the live view's components. */
import type { SourcePosition } from '../../errors.js';

/** `m:ss` (or `h:mm:ss`), what an operator reads at a glance. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

export function formatPosition(at: SourcePosition | undefined): string {
  return at ? `${at.file}:${at.line ?? 0}` : '';
}

/** A bar of `width` cells, filled in proportion. */
export function progressBar(done: number, total: number, width: number): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** The spinner frame for a moment in time: components stay pure, the clock moves it. */
export function spinnerFrame(now: number): string {
  return SPINNER[Math.floor(now / 80) % SPINNER.length]!;
}

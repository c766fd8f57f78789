/** Placeholder until the ink view lands: the live view degrades to plain lines. */
import { PlainView } from '../plain/plain-view.js';
import type { View, ViewOptions } from '../view.js';

export function createTuiView(options: ViewOptions): View {
  return new PlainView(options);
}

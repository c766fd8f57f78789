/**
 * One JSON object per line per event, for machines (schema: engine/schema/json-events.schema.json,
 * `version` 1). Results are already censored for no_log by the runner.
 */
import type { RunEvent } from '../../events.js';
import type { View, ViewOptions } from '../view.js';

export const JSON_EVENT_VERSION = 1;

export class JsonView implements View {
  constructor(private readonly options: ViewOptions) {}

  handle(event: RunEvent): void {
    this.options.out.write(`${JSON.stringify(toJsonEvent(event))}\n`);
  }

  async close(): Promise<void> {}
}

export function toJsonEvent(event: RunEvent): Record<string, unknown> {
  // sumsItems and included are for the line views: the JSON result carries `results` and `include` itself.
  const { kind, time, sumsItems, included, ...rest } = event as RunEvent & { sumsItems?: unknown; included?: unknown };
  const body: Record<string, unknown> = { version: JSON_EVENT_VERSION, type: kind, time: new Date(time).toISOString(), ...rest };
  if ('task' in event) {
    const task = event.task;
    body.task = { name: task.name, module: task.module, index: task.index, total: task.total, handler: task.isHandler, path: task.at ? `${task.at.file}:${task.at.line ?? 0}` : null };
  }
  return body;
}

import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import "./chunk-OXHHG2RI.js";

// dist/engine/report/json/json-view.js
var JSON_EVENT_VERSION = 1;
var JsonView = class {
  options;
  constructor(options) {
    this.options = options;
  }
  handle(event) {
    this.options.out.write(`${JSON.stringify(toJsonEvent(event))}
`);
  }
  async close() {
  }
};
function toJsonEvent(event) {
  const { kind, time, ...rest } = event;
  const body = { version: JSON_EVENT_VERSION, type: kind, time: new Date(time).toISOString(), ...rest };
  if ("task" in event) {
    const task = event.task;
    body.task = { name: task.name, module: task.module, index: task.index, total: task.total, handler: task.isHandler, path: task.at ? `${task.at.file}:${task.at.line ?? 0}` : null };
  }
  return body;
}
export {
  JSON_EVENT_VERSION,
  JsonView,
  toJsonEvent
};

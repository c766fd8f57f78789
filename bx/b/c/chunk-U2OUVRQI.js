import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);

// dist/engine/events.js
var EventBus = class {
  listeners = [];
  subscribe(listener) {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0)
        this.listeners.splice(index, 1);
    };
  }
  emit(event) {
    for (const listener of this.listeners)
      listener(event);
  }
};
function emptyCounts() {
  return { ok: 0, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 };
}

export {
  EventBus,
  emptyCounts
};

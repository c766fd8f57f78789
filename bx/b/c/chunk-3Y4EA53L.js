import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);

// dist/engine/errors.js
var ExitCode = {
  ok: 0,
  error: 1,
  hostFailed: 2,
  hostUnreachable: 3,
  parseError: 4,
  badOptions: 5,
  interrupted: 99
};
var CxError = class extends Error {
  at;
  hint;
  exitCode;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "CxError";
    this.at = options.at;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.parseError;
  }
  /** `file:line:col: message` then the hint on its own line. */
  describe() {
    const where = this.at ? `${formatPosition(this.at)}: ` : "";
    const hint = this.hint ? `
  ${this.hint}` : "";
    return `${where}${this.message}${hint}`;
  }
};
var TemplateError = class extends CxError {
  constructor(message, options = {}) {
    super(message, options);
    this.name = "TemplateError";
  }
};
var UndefinedVariableError = class extends TemplateError {
  variable;
  constructor(variable, options = {}) {
    super(`'${variable}' is undefined`, {
      hint: `define '${variable}' (inventory, vars, -e) or guard it with "| default(...)"`,
      ...options
    });
    this.name = "UndefinedVariableError";
    this.variable = variable;
  }
};
function formatPosition(at) {
  if (at.line === void 0)
    return at.file;
  return at.col === void 0 ? `${at.file}:${at.line}` : `${at.file}:${at.line}:${at.col}`;
}
function withPosition(error, at) {
  if (error.at || !at)
    return error;
  error.at = at;
  return error;
}

// dist/engine/template/python.js
function truthy(value) {
  if (value === null || value === void 0 || value === false || value === 0 || value === "")
    return false;
  if (Array.isArray(value))
    return value.length > 0;
  if (typeof value === "object")
    return Object.keys(value).length > 0;
  return true;
}
function pythonString(value) {
  if (typeof value === "string")
    return value;
  return pythonRepr(value);
}
function pythonRepr(value) {
  if (value === null || value === void 0)
    return "None";
  if (value === true)
    return "True";
  if (value === false)
    return "False";
  if (typeof value === "number")
    return Number.isInteger(value) || !Number.isFinite(value) ? String(value) : pythonFloat(value);
  if (typeof value === "string")
    return reprString(value);
  if (Array.isArray(value))
    return `[${value.map(pythonRepr).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value).map(([key, item]) => `${reprString(key)}: ${pythonRepr(item)}`).join(", ")}}`;
  }
  return String(value);
}
function pythonFloat(value) {
  const text = String(value);
  return text.includes(".") || text.includes("e") ? text : `${text}.0`;
}
function reprString(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return `${quote}${quote === "'" ? escaped.replace(/'/g, "\\'") : escaped}${quote}`;
}

// dist/engine/template/undefined.js
var Undefined = class {
  name;
  constructor(name) {
    this.name = name;
  }
};
function defined(value, expression) {
  if (value instanceof Undefined)
    throw undefinedError(value.name, expression);
  return value;
}
function undefinedError(name, expression) {
  const error = new UndefinedVariableError(name);
  if (expression !== void 0)
    error.message = `'${name}' is undefined in "${expression}"`;
  return error;
}

// dist/engine/template/members.js
var FORBIDDEN = /* @__PURE__ */ new Set(["constructor", "prototype", "caller", "callee", "arguments"]);
function assertSafeName(name) {
  if (name.startsWith("__") || FORBIDDEN.has(name)) {
    throw new TemplateError(`access to '${name}' is not allowed in expressions`);
  }
}
function member(object, key, path) {
  if (typeof key === "string")
    assertSafeName(key);
  if (Array.isArray(object) || typeof object === "string") {
    if (typeof key === "number" && Number.isInteger(key)) {
      const index = key < 0 ? object.length + key : key;
      return index >= 0 && index < object.length ? object[index] : new Undefined(path);
    }
    return new Undefined(path);
  }
  if (object && typeof object === "object" && !(object instanceof Undefined)) {
    const name = String(key);
    return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : new Undefined(path);
  }
  return new Undefined(path);
}
var STRING_METHODS = {
  startswith: (self, prefix) => Array.isArray(prefix) ? prefix.some((p) => self.startsWith(String(p))) : self.startsWith(String(prefix)),
  endswith: (self, suffix) => Array.isArray(suffix) ? suffix.some((s) => self.endsWith(String(s))) : self.endsWith(String(suffix)),
  split: (self, separator, limit) => pythonSplit(self, separator, limit),
  strip: (self, chars) => stripChars(self, chars, true, true),
  lstrip: (self, chars) => stripChars(self, chars, true, false),
  rstrip: (self, chars) => stripChars(self, chars, false, true),
  lower: (self) => self.toLowerCase(),
  upper: (self) => self.toUpperCase(),
  replace: (self, from, to) => self.split(String(from)).join(String(to)),
  splitlines: (self) => self.split(/\r?\n/).filter((line, index, all) => index < all.length - 1 || line !== ""),
  find: (self, needle) => self.indexOf(String(needle)),
  join: (self, items) => Array.isArray(items) ? items.map(pythonString).join(self) : "",
  format: (self, ...args) => {
    let next = 0;
    return self.replace(/\{(\d*)\}/g, (_m, index) => pythonString(args[index === "" ? next++ : Number(index)]));
  }
};
var LIST_METHODS = {
  index: (self, item) => self.findIndex((candidate) => JSON.stringify(candidate) === JSON.stringify(item)),
  count: (self, item) => self.filter((candidate) => JSON.stringify(candidate) === JSON.stringify(item)).length
};
var DICT_METHODS = {
  keys: (self) => Object.keys(self),
  values: (self) => Object.values(self),
  items: (self) => Object.entries(self),
  get: (self, key, fallback = null) => Object.prototype.hasOwnProperty.call(self, String(key)) ? self[String(key)] : fallback
};
function callMethod(self, name, args) {
  assertSafeName(name);
  const table = typeof self === "string" ? STRING_METHODS : Array.isArray(self) ? LIST_METHODS : self && typeof self === "object" ? DICT_METHODS : void 0;
  const method = table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : void 0;
  if (!method)
    throw new TemplateError(`'${name}' is not a method that can be called here`);
  return method(self, ...args);
}
function pythonSplit(text, separator, limit) {
  const max = typeof limit === "number" ? limit : -1;
  if (separator === void 0 || separator === null) {
    const parts2 = text.trim().split(/\s+/).filter(Boolean);
    return max >= 0 && parts2.length > max + 1 ? [...parts2.slice(0, max), parts2.slice(max).join(" ")] : parts2;
  }
  const parts = text.split(String(separator));
  return max >= 0 && parts.length > max + 1 ? [...parts.slice(0, max), parts.slice(max).join(String(separator))] : parts;
}
function stripChars(text, chars, left, right) {
  if (chars === void 0 || chars === null) {
    return left && right ? text.trim() : left ? text.trimStart() : text.trimEnd();
  }
  const set = new Set(String(chars));
  let start = 0;
  let end = text.length;
  if (left)
    while (start < end && set.has(text[start]))
      start += 1;
  if (right)
    while (end > start && set.has(text[end - 1]))
      end -= 1;
  return text.slice(start, end);
}

export {
  ExitCode,
  CxError,
  TemplateError,
  UndefinedVariableError,
  formatPosition,
  withPosition,
  Undefined,
  defined,
  truthy,
  pythonString,
  assertSafeName,
  member,
  callMethod,
  stripChars
};

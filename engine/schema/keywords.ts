/**
 * JSON Schemas of the keywords of plays, blocks, tasks and role entries (the
 * DESIGN.md list). Which keywords exist is checked first, with a "did you
 * mean"; these schemas then check each value's type. Every fragment carries a
 * `description` that error messages quote ("expects a number, or a template").
 * Checked by engine/load/keyword-check.ts, with validators the build
 * precompiles (scripts/validators.ts).
 */
import { booleanWordPattern } from '../booleans.js';
import { lookupNames } from '../template/lookups/registry.js';

type Schema = Readonly<Record<string, unknown>>;

const TEMPLATE = '\\{\\{.*\\}\\}';
const templated: Schema = { type: 'string', pattern: TEMPLATE };
const BOOLEAN_WORD = booleanWordPattern();

const bool: Schema = {
  description: 'a boolean (true/false, yes/no), or a template',
  anyOf: [{ type: 'boolean' }, { enum: [0, 1] }, { type: 'string', pattern: BOOLEAN_WORD }, templated],
};
const text: Schema = { description: 'a string', type: 'string' };
const stringList: Schema = {
  description: 'a string or a list of strings',
  anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: ['string', 'number'] } }],
};
const conditions: Schema = {
  description: 'a condition (an expression such as x == 1) or a list of conditions',
  anyOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'array', items: { type: ['string', 'boolean'] } }],
};
const number: Schema = {
  description: 'a number, or a template',
  anyOf: [{ type: 'number' }, templated, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*$' }],
};
/** `retries` beyond this is a typo or an attack (with the default 5 s delay, 10,000 retries is two weeks). */
export const MAX_RETRIES = 10_000;
const retryCount: Schema = {
  description: `a whole number from 0 to ${MAX_RETRIES}, or a template`,
  anyOf: [{ type: 'integer', minimum: 0, maximum: MAX_RETRIES }, templated, { type: 'string', pattern: '^\\s*(?:\\d{1,4}|10000)\\s*$' }],
};
const mapping: Schema = { description: 'a mapping (name: value lines)', type: 'object' };
const taskList: Schema = { description: 'a list of tasks', type: 'array' };
const loopValue: Schema = { description: 'a list, or a template that gives a list', anyOf: [{ type: 'array' }, templated] };
/** `with_<lookup>:` takes the lookup's terms: text, a list or a mapping, templated before the lookup runs. */
const lookupTerms: Schema = { description: "the lookup's terms: text, a list or a mapping", type: ['string', 'number', 'array', 'object'] };

/** `with_<lookup>` for every lookup but items and list, which are loop forms of their own. */
export const WITH_LOOKUP_KEYWORDS: readonly string[] = lookupNames()
  .filter((name) => name !== 'items' && name !== 'list')
  .map((name) => `with_${name}`);

/** Keywords of plays, blocks, tasks and role entries; inherited downwards at run time. */
export const INHERITABLE_KEYWORDS: Readonly<Record<string, Schema>> = {
  name: text,
  when: conditions,
  tags: stringList,
  vars: mapping,
  become: bool,
  become_user: text,
  become_method: { description: 'sudo or su (the methods cxplay has), or a template', anyOf: [{ enum: ['sudo', 'su', 'ansible.builtin.sudo', 'ansible.builtin.su'] }, templated] },
  become_flags: text,
  become_exe: text,
  environment: { description: 'a mapping of variable names to values, or a template', anyOf: [mapping, templated] },
  ignore_errors: bool,
  no_log: bool,
  run_once: bool,
  delegate_to: text,
  check_mode: bool,
  diff: bool,
  any_errors_fatal: bool,
  timeout: number,
  ignore_unreachable: bool,
  delegate_facts: bool,
  throttle: { description: 'a number of hosts (0: no limit)', anyOf: [{ type: 'integer', minimum: 0 }, templated] },
  connection: { description: 'ssh or local (the connections cxplay has), or a template', anyOf: [{ enum: ['ssh', 'local', 'ansible.builtin.ssh', 'ansible.builtin.local', 'ansible.legacy.ssh', 'ansible.legacy.local'] }, templated] },
  remote_user: text,
  module_defaults: { description: 'a mapping of module names to their default arguments', anyOf: [mapping, { type: 'array', items: mapping }] },
  /** Only ansible.builtin and ansible.legacy (load/collections-keyword.ts). */
  collections: { description: 'a list of collection names', type: 'array' },
};

export const TASK_KEYWORDS: Readonly<Record<string, Schema>> = {
  ...INHERITABLE_KEYWORDS,
  register: { description: 'a variable name (letters, digits and _)', type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  loop: loopValue,
  with_items: loopValue,
  with_list: loopValue,
  ...Object.fromEntries(WITH_LOOKUP_KEYWORDS.map((keyword) => [keyword, lookupTerms])),
  loop_control: {
    description: 'a mapping with loop_var, index_var, label, pause, extended or extended_allitems',
    type: 'object',
    properties: {
      loop_var: { description: 'a variable name', type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      index_var: { description: 'a variable name', type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      label: text,
      pause: number,
      extended: bool,
      extended_allitems: bool,
    },
    additionalProperties: false,
  },
  notify: stringList,
  listen: stringList,
  changed_when: conditions,
  failed_when: conditions,
  until: conditions,
  retries: retryCount,
  delay: number,
  async: number,
  poll: number,
  args: { description: 'a mapping of module arguments', type: 'object' },
};

export const BLOCK_KEYWORDS: Readonly<Record<string, Schema>> = { ...INHERITABLE_KEYWORDS, block: taskList, rescue: taskList, always: taskList };

/** A role entry of a play's `roles:` (its other keys are the role's parameters). */
export const ROLE_ENTRY_KEYWORDS: Readonly<Record<string, Schema>> = {
  ...INHERITABLE_KEYWORDS,
  name: { description: 'a role name', type: 'string' },
  role: { description: 'a role name', type: 'string' },
};

export const PLAY_KEYWORDS: Readonly<Record<string, Schema>> = {
  ...INHERITABLE_KEYWORDS,
  hosts: { description: 'a host pattern (all, a group, a:b, a:!b) or a list of them', anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string' } }] },
  vars_files: { description: 'a file name or a list of file names', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  vars_prompt: {
    description: 'a list of prompts, each with name and any of prompt, default, private, confirm, encrypt, salt_size, salt, unsafe',
    type: 'array',
    items: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1 },
        prompt: { type: 'string' },
        default: { type: ['string', 'number', 'boolean'] },
        private: bool,
        confirm: bool,
        encrypt: { type: 'string' },
        salt_size: { type: 'integer', minimum: 1 },
        salt: { type: 'string' },
        unsafe: bool,
      },
      additionalProperties: false,
    },
  },
  gather_facts: bool,
  /** The play's fact gathering: setup's gather_subset, gather_timeout and fact_path. */
  gather_subset: stringList,
  gather_timeout: number,
  fact_path: text,
  serial: {
    description: 'a number of hosts, a percentage such as "30%", or a list of them',
    anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: `^\\s*\\d+(\\.\\d+)?%?\\s*$|${TEMPLATE}` }, { type: 'array', minItems: 1, items: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: `^\\s*\\d+(\\.\\d+)?%?\\s*$|${TEMPLATE}` }] } }],
  },
  strategy: { description: 'linear, free or host_pinned', enum: ['linear', 'free', 'host_pinned'] },
  order: { description: 'inventory, reverse_inventory, sorted, reverse_sorted or shuffle', enum: ['inventory', 'reverse_inventory', 'sorted', 'reverse_sorted', 'shuffle'] },
  max_fail_percentage: number,
  force_handlers: bool,
  roles: { description: 'a list of roles (names or mappings with role:)', type: 'array' },
  tasks: taskList,
  pre_tasks: taskList,
  post_tasks: taskList,
  handlers: taskList,
};

/** Keywords a task carries that are actions rather than modules. */
export const ACTION_KEYWORDS: readonly string[] = ['block', 'include_tasks', 'import_tasks', 'include_role', 'import_role', 'meta'];

/** Arguments of the include/import actions (their mapping form). */
export const INCLUDE_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  include_tasks: ['file', '_raw_params'],
  import_tasks: ['file', '_raw_params'],
  include_role: ['name', 'tasks_from', 'vars_from', 'defaults_from', 'handlers_from'],
  import_role: ['name', 'tasks_from', 'vars_from', 'defaults_from', 'handlers_from'],
};

/**
 * Ansible keywords cxplay knows but does not implement. Ignoring them would
 * silently change what a playbook does (connection: local would run on the
 * targets), so they are refused with the reason.
 */
export const UNSUPPORTED_KEYWORDS: Readonly<Record<string, string>> = {
  debugger: 'the task debugger is not supported',
  include: "the old 'include' is gone from Ansible too; use include_tasks or import_tasks",
};

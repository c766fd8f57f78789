/**
 * JSON Schemas of play and task keywords (types only: which keywords exist is
 * checked first, with a "did you mean"). Compiled once by ajv.
 */
const templated = { type: 'string', pattern: '\\{\\{' };
const bool = { anyOf: [{ type: 'boolean' }, { type: 'string' }] };
const stringList = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: ['string', 'number'] } }] };
const conditions = { anyOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'array', items: { type: ['string', 'boolean'] } }] };
const number = { anyOf: [{ type: 'number' }, templated, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*$' }] };
const mapping = { type: 'object' };

export const INHERITABLE_KEYWORDS = {
  when: conditions,
  tags: stringList,
  vars: mapping,
  become: bool,
  become_user: { type: 'string' },
  become_method: { type: 'string', enum: ['sudo'] },
  environment: { anyOf: [mapping, templated] },
  ignore_errors: bool,
  ignore_unreachable: bool,
  no_log: bool,
  run_once: bool,
  delegate_to: { type: 'string' },
  delegate_facts: bool,
  check_mode: bool,
  diff: bool,
  any_errors_fatal: bool,
  timeout: number,
  name: { type: 'string' },
  connection: { type: 'string' },
  module_defaults: mapping,
  collections: { type: 'array' },
  debugger: { type: 'string' },
  throttle: number,
};

export const TASK_KEYWORDS = {
  ...INHERITABLE_KEYWORDS,
  register: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  loop: { anyOf: [{ type: 'array' }, { type: 'string' }] },
  with_items: { anyOf: [{ type: 'array' }, { type: 'string' }] },
  with_list: { anyOf: [{ type: 'array' }, { type: 'string' }] },
  loop_control: {
    type: 'object',
    properties: {
      loop_var: { type: 'string' },
      index_var: { type: 'string' },
      label: { type: 'string' },
      pause: number,
      extended: bool,
    },
    additionalProperties: false,
  },
  notify: stringList,
  listen: stringList,
  changed_when: conditions,
  failed_when: conditions,
  until: conditions,
  retries: number,
  delay: number,
  args: mapping,
  async: number,
  poll: number,
};

export const BLOCK_KEYWORDS = { ...INHERITABLE_KEYWORDS, block: { type: 'array' }, rescue: { type: 'array' }, always: { type: 'array' } };

export const PLAY_KEYWORDS = {
  ...INHERITABLE_KEYWORDS,
  hosts: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  vars_files: stringList,
  vars_prompt: { type: 'array' },
  gather_facts: bool,
  gather_subset: stringList,
  serial: { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'array', items: { type: ['number', 'string'] } }] },
  strategy: { type: 'string', enum: ['linear', 'free'] },
  max_fail_percentage: number,
  roles: { type: 'array' },
  tasks: { type: 'array' },
  pre_tasks: { type: 'array' },
  post_tasks: { type: 'array' },
  handlers: { type: 'array' },
  force_handlers: bool,
  order: { type: 'string' },
  remote_user: { type: 'string' },
};

/** Keywords a task carries that are actions rather than modules. */
export const ACTION_KEYWORDS = ['block', 'include_tasks', 'import_tasks', 'include_role', 'import_role', 'meta', 'import_playbook'];

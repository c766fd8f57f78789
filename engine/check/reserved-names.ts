/**
 * Ansible's "Found variable using reserved name" warning: a play-level
 * variable (play `vars:`, `vars_prompt:`, -e, the defaults and vars of the
 * play's roles) named like a keyword of a play, role, block or task, or
 * like a template global (`range`, `lookup`, ...). Ansible warns when each
 * play starts and shows a warning once per run; cxplay warns once, before
 * the run. Task vars, role parameters, set_fact and inventory variables are
 * not looked at, as in Ansible.
 */
import type { Play } from '../load/model.js';

/** ansible-core 2.14's reserved names (vars/reserved.py: Play, Role, Block and Task attributes) less `vars`, which it skips. */
const KEYWORDS = [
  'action', 'always', 'any_errors_fatal', 'args', 'async', 'async_val', 'become', 'become_exe', 'become_flags', 'become_method', 'become_user', 'block',
  'changed_when', 'check_mode', 'collections', 'connection', 'debugger', 'delay', 'delegate_facts', 'delegate_to', 'diff', 'environment', 'fact_path',
  'failed_when', 'force_handlers', 'gather_facts', 'gather_subset', 'gather_timeout', 'handlers', 'hosts', 'ignore_errors', 'ignore_unreachable',
  'local_action', 'loop', 'loop_control', 'loop_with', 'max_fail_percentage', 'module_defaults', 'name', 'no_log', 'notify', 'order', 'poll', 'port',
  'post_tasks', 'pre_tasks', 'register', 'remote_user', 'rescue', 'retries', 'roles', 'run_once', 'serial', 'strategy', 'tags', 'tasks', 'throttle',
  'timeout', 'until', 'vars_files', 'vars_prompt', 'when', 'with_',
];
/** The globals of Ansible's template environment, which it adds to the reserved names. */
const TEMPLATE_GLOBALS = ['cycler', 'dict', 'joiner', 'lipsum', 'lookup', 'namespace', 'now', 'q', 'query', 'range', 'undef'];
const RESERVED: ReadonlySet<string> = new Set([...KEYWORDS, ...TEMPLATE_GLOBALS]);

export function reservedNameWarnings(plays: readonly Play[], extraVars: Readonly<Record<string, unknown>>): string[] {
  const names = plays.flatMap((play) => [
    ...Object.keys(play.vars),
    ...play.varsPrompt.map((prompt) => prompt.name),
    ...play.roles.flatMap((node) => (node.role ? [...Object.keys(node.role.role.defaults), ...Object.keys(node.role.role.vars)] : [])),
    ...Object.keys(extraVars),
  ]);
  return [...new Set(names.filter((name) => RESERVED.has(name)))].map((name) => `Found variable using reserved name: ${name}`);
}

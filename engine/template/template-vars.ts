/**
 * The variables Ansible's template action adds for a template file:
 * template_host (the controller's name), template_path (src as the task
 * gave it), template_fullpath, template_destpath, template_uid (the file's
 * owner), template_mtime and template_run_date (as Python prints a
 * datetime), and ansible_managed ("Ansible managed", Ansible's default).
 * What depends only on the file is read once per run.
 */
import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Scope } from './scope.js';

export interface TemplateFileFacts {
  readonly fullpath: string;
  readonly host: string;
  readonly uid: string;
  readonly mtime: string;
}

export const ANSIBLE_MANAGED = 'Ansible managed';

export function templateFileFacts(fullpath: string): TemplateFileFacts {
  const stat = statSync(fullpath, { bigint: true });
  const microseconds = Number((stat.mtimeNs / 1000n) % 1_000_000n);
  return { fullpath, host: hostname(), uid: ownerName(Number(stat.uid)), mtime: pythonDateTime(new Date(Number(stat.mtimeMs)), microseconds) };
}

/** The task's scope with the template variables over it; the run date is read from the clock only if the template asks for it. */
export function withTemplateVars(scope: Scope, facts: TemplateFileFacts, src: string, dest: string): Scope {
  const value = (name: string): unknown => {
    switch (name) {
      case 'template_host':
        return facts.host;
      case 'template_path':
        return src;
      case 'template_fullpath':
        return facts.fullpath;
      case 'template_destpath':
        return dest;
      case 'template_uid':
        return facts.uid;
      case 'template_mtime':
        return facts.mtime;
      case 'template_run_date': {
        const now = new Date();
        return pythonDateTime(now, now.getMilliseconds() * 1000);
      }
      case 'ansible_managed':
        return ANSIBLE_MANAGED;
    }
    return scope.get(name);
  };
  return { has: (name) => TEMPLATE_VARS.has(name) || scope.has(name), get: value };
}

const TEMPLATE_VARS = new Set(['template_host', 'template_path', 'template_fullpath', 'template_destpath', 'template_uid', 'template_mtime', 'template_run_date', 'ansible_managed']);

/** str() of a Python datetime in local time: `2026-12-04 16:26:12.123456`, without the fraction when it is zero. */
export function pythonDateTime(date: Date, microseconds: number): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${day} ${time}${microseconds > 0 ? `.${String(microseconds).padStart(6, '0')}` : ''}`;
}

/** The user name of a uid from /etc/passwd, else the number (as Ansible falls back to it). */
function ownerName(uid: number): string {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [name, , id] = line.split(':');
      if (name && Number(id) === uid) return name;
    }
  } catch {
    // no passwd file: the number, as below
  }
  return String(uid);
}

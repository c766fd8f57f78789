/** The playbooks the output tests run against the lab, written into a fresh directory. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Kept out of every output by no_log; a test fails if it ever shows. */
export const SECRET = 's3cr3t-token-4711';

const TOUR = `
- name: Tour of results
  hosts: web
  gather_facts: false
  tasks:
    - name: Start afresh (every run changes the config and notifies)
      command: rm -f /tmp/app.conf
    - name: Say hello
      command: echo hello from {{ inventory_hostname }}
    - name: Write the config
      copy:
        content: "port=8080\\n"
        dest: /tmp/app.conf
      notify: restart app
    - name: Use a secret
      command: echo ${SECRET}
      no_log: true
    - name: Loop over items
      debug:
        msg: "item {{ item }}"
      loop: [one, two]
    - name: Skip on web1
      command: "true"
      when: inventory_hostname != 'web1'
    - name: Fail on web2
      shell: echo disk full >&2; exit 3
      when: inventory_hostname == 'web2'
  handlers:
    - name: restart app
      command: echo restarted
- name: Nobody
  hosts: empty
  tasks:
    - name: Never runs
      command: "true"
`;

/** Holds every host at a barrier (a file the test creates) so the screen can be read while they run. */
const WATCH = `
- name: Watch it converge
  hosts: web
  gather_facts: false
  tasks:
    - name: Start afresh
      command: rm -f /tmp/app.conf /tmp/go
    - name: Write the config
      copy:
        content: "port=8080\\n"
        dest: /tmp/app.conf
      notify: restart app
    - name: Use a secret
      command: echo ${SECRET}
      no_log: true
    - name: Wait for the go signal
      wait_for:
        path: /tmp/go
        timeout: 300
    - name: Fail on web2
      shell: echo disk full >&2; exit 3
      when: inventory_hostname == 'web2'
  handlers:
    - name: restart app
      command: echo restarted
`;

const RESCUE = `
- name: Rescue
  hosts: web
  gather_facts: false
  tasks:
    - block:
        - name: Fails, then rescued
          command: /bin/false
      rescue:
        - name: Rescue it
          command: echo rescued
`;

const LONG = `
- name: Long work
  hosts: web
  gather_facts: false
  tasks:
    - name: Quick start
      command: echo started
    - name: Sleep a long time
      command: sleep 300
    - name: Never started
      command: touch /tmp/never-started
`;

export function writePlaybooks(): { dir: string; tour: string; watch: string; rescue: string; long: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxplay-report-'));
  const books = { tour: TOUR, watch: WATCH, rescue: RESCUE, long: LONG };
  for (const [name, text] of Object.entries(books)) writeFileSync(join(dir, `${name}.yaml`), text);
  const path = (name: string) => join(dir, `${name}.yaml`);
  return { dir, tour: path('tour'), watch: path('watch'), rescue: path('rescue'), long: path('long') };
}

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

const LONG = `
- name: Long work
  hosts: web
  gather_facts: false
  tasks:
    - name: Quick start
      command: echo started
    - name: Sleep a long time
      command: sleep 30
    - name: Never started
      command: touch /tmp/never-started
`;

export function writePlaybooks(): { dir: string; tour: string; long: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxplay-report-'));
  writeFileSync(join(dir, 'tour.yaml'), TOUR);
  writeFileSync(join(dir, 'long.yaml'), LONG);
  return { dir, tour: join(dir, 'tour.yaml'), long: join(dir, 'long.yaml') };
}

/**
 * Which results belong to the same task, as Ansible's task uuids tell its
 * callbacks (the default one prints a task's banner again under strategy
 * free when a result of another task came in between): one task node in one
 * role instance and one inclusion. A file included for several hosts at once
 * gives them the same tasks; each inclusion of it (under free, each host's)
 * gives new ones, as Ansible copies an included file's blocks per include.
 */
export class TaskIdentities {
  private readonly serials = new WeakMap<object, number>();
  private lastSerial = 0;
  private inclusions = 0;

  /** A new inclusion of a task file or role: its tasks are new tasks. */
  newInclusion(): number {
    this.inclusions += 1;
    return this.inclusions;
  }

  /** The id of `node` run within `role` (its instance) and `inclusion` (0: the play's own tasks). */
  idOf(node: object, role: object | undefined, inclusion: number): string {
    return `${this.serialOf(node)}:${role === undefined ? 0 : this.serialOf(role)}:${inclusion}`;
  }

  private serialOf(value: object): number {
    let serial = this.serials.get(value);
    if (serial === undefined) {
      this.lastSerial += 1;
      serial = this.lastSerial;
      this.serials.set(value, serial);
    }
    return serial;
  }
}

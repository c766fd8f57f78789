/**
 * Variables as Ansible layers them. A LayeredScope is a stack of layers,
 * highest precedence first; looking a name up takes the first layer that has
 * it. Layers written by people (inventory, play vars, role vars, -e, ...) are
 * `templated`: their `{{ }}` are rendered on first use, in this same scope, so
 * a task-level override is seen by a play-level template as in Ansible. Layers
 * holding values already rendered (facts, registered results, set_fact) are
 * inert: never rendered again. Reading a name that holds data from a host
 * (`unsafe`, or a templated value whose render read some) taints the render
 * that reads it (see template/unsafe.ts).
 */
import { TemplateError } from '../errors.js';
import { isTemplated, renderDeep } from '../template/render.js';
import type { Scope } from '../template/scope.js';
import { readsUnsafeData, tracked } from '../template/unsafe.js';

export interface VarLayer {
  /** For error messages and debugging ("play vars", "host_vars/node1.yaml", ...). */
  readonly source: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly templated: boolean;
  /** Names whose values hold data from a host (`true`: all of them). */
  readonly unsafe?: boolean | ReadonlySet<string>;
}

export class LayeredScope implements Scope {
  private readonly rendered = new Map<string, unknown>();
  /** Rendered names whose render read host data. */
  private readonly renderedUnsafe = new Set<string>();
  private readonly resolving = new Set<string>();

  /** @param layers highest precedence first */
  constructor(private readonly layers: readonly VarLayer[]) {}

  /** A scope with extra layers on top (loop item, registered result for until/changed_when). */
  withTop(...layers: VarLayer[]): LayeredScope {
    return new LayeredScope([...layers, ...this.layers]);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  get(name: string): unknown {
    if (this.rendered.has(name)) {
      if (this.renderedUnsafe.has(name)) readsUnsafeData();
      return this.rendered.get(name);
    }
    const layer = this.find(name);
    if (!layer) return undefined;
    const raw = layer.values[name];
    if (!layer.templated) {
      if (layer.unsafe === true || (layer.unsafe instanceof Set && layer.unsafe.has(name))) readsUnsafeData();
      return raw;
    }
    if (this.resolving.has(name)) {
      throw new TemplateError(`recursive loop detected in template: '${name}' refers to itself`, {
        hint: `check the definition of '${name}' in ${layer.source}`,
      });
    }
    this.resolving.add(name);
    try {
      const { value, unsafe } = tracked(() => renderDeep(raw, this));
      this.rendered.set(name, value);
      if (unsafe) this.renderedUnsafe.add(name);
      return value;
    } finally {
      this.resolving.delete(name);
    }
  }

  holdsTemplate(name: string): boolean {
    const layer = this.find(name);
    const raw = layer?.values[name];
    return layer?.templated === true && typeof raw === 'string' && isTemplated(raw);
  }

  /** Every defined name (for `vars`-style dumps and hostvars), highest layer first. */
  names(): string[] {
    const seen = new Set<string>();
    for (const layer of this.layers) for (const name of Object.keys(layer.values)) seen.add(name);
    return [...seen];
  }

  private find(name: string): VarLayer | undefined {
    for (const layer of this.layers) {
      if (Object.prototype.hasOwnProperty.call(layer.values, name)) return layer;
    }
    return undefined;
  }
}

export function layer(source: string, values: Readonly<Record<string, unknown>>, templated = true): VarLayer {
  return { source, values, templated };
}

/** An inert layer of values already rendered; `unsafe` names those that hold data from a host. */
export function renderedLayer(source: string, values: Readonly<Record<string, unknown>>, unsafe: boolean | ReadonlySet<string>): VarLayer {
  return { source, values, templated: false, unsafe };
}

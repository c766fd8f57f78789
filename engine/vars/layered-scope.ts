/**
 * Variables as Ansible layers them. A LayeredScope is a stack of layers,
 * highest precedence first; looking a name up takes the first layer that has
 * it. Layers written by people (inventory, play vars, role vars, -e, ...) are
 * `templated`: their `{{ }}` are rendered on first use, in this same scope, so
 * a task-level override is seen by a play-level template as in Ansible. Layers
 * holding data that came from hosts (facts, registered results, set_fact
 * values already rendered) are inert: never rendered again.
 */
import { TemplateError } from '../errors.js';
import { renderDeep } from '../template/render.js';
import type { Scope } from '../template/scope.js';

export interface VarLayer {
  /** For error messages and debugging ("play vars", "host_vars/node1.yaml", ...). */
  readonly source: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly templated: boolean;
}

export class LayeredScope implements Scope {
  private readonly rendered = new Map<string, unknown>();
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
    if (this.rendered.has(name)) return this.rendered.get(name);
    const layer = this.find(name);
    if (!layer) return undefined;
    const raw = layer.values[name];
    if (!layer.templated) return raw;
    if (this.resolving.has(name)) {
      throw new TemplateError(`recursive loop detected in template: '${name}' refers to itself`, {
        hint: `check the definition of '${name}' in ${layer.source}`,
      });
    }
    this.resolving.add(name);
    try {
      const value = renderDeep(raw, this);
      this.rendered.set(name, value);
      return value;
    } finally {
      this.resolving.delete(name);
    }
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

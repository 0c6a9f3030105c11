import { COMPONENT_KINDS, createGanContainer, getRegistry, knownPackageOf } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { allPlugins } from '../../../docs/scripts/configuration-reference.js';

// Core's KNOWN_COMPONENTS table is what turns an unknown `kind` into "npm i <package>": every
// component a first-party package registers must be in it, under that package's name.

describe("core's table of known components", () => {
  it('names the package of every component the published packages register', () => {
    const registry = getRegistry(createGanContainer(allPlugins()));
    const missing: string[] = [];
    let seen = 0;
    for (const kind of COMPONENT_KINDS) {
      for (const entry of registry.entries().filter((e) => e.definition.kind === kind)) {
        seen++;
        const known = knownPackageOf(kind, entry.definition.name);
        if (known !== entry.plugin)
          missing.push(
            `${kind} ${entry.definition.name}: table says ${known}, registered by ${entry.plugin}`,
          );
      }
    }
    expect(seen).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});

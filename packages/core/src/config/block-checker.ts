import type { ConfigIssue } from '../errors.js';
import type { ComponentKind } from '../registry/component.js';
import type { ComponentRegistry } from '../registry/component-registry.js';
import { safeParseComponentBlock, type ParsedComponentBlock } from './parse-component-block.js';
import { isPlainObject } from './safe-parse.js';

/** Validates component blocks, collecting issues; results are undefined where a block failed. */
export class BlockChecker {
  constructor(
    private readonly registry: ComponentRegistry,
    private readonly issues: ConfigIssue[],
  ) {}

  /** A block the user wrote; skipped (the top-level schema reports it) unless it names a kind. */
  user<K extends ComponentKind>(
    kind: K,
    block: unknown,
    path: string,
    reserved?: string[],
  ): ParsedComponentBlock<K> | undefined {
    if (!isPlainObject(block) || typeof block.kind !== 'string' || block.kind === '') return undefined;
    return this.check(kind, block, path, undefined, reserved);
  }

  /**
   * Any block: one the user wrote, or (with a `note` saying where it came from) one a preset or
   * core supplied, which is checked even when malformed.
   */
  check<K extends ComponentKind>(
    kind: K,
    block: unknown,
    path: string,
    note?: string,
    reserved?: string[],
  ): ParsedComponentBlock<K> | undefined {
    if (note === undefined && (!isPlainObject(block) || typeof block.kind !== 'string' || block.kind === ''))
      return undefined;
    const result = safeParseComponentBlock(this.registry, kind, block, path, { note, reserved });
    if (result.success) return result.value;
    this.issues.push(...result.issues);
    return undefined;
  }
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a growing JSON-lines file incrementally: each {@link JsonlTail.read} returns the complete
 * lines appended since the last call, parsed (a half-written last line waits for its newline;
 * a line that is not JSON is skipped). A missing file reads as empty; a file that shrank (a run
 * restarted with --force) is read again from the start.
 */
export class JsonlTail<T = unknown> {
  private offset = 0;
  private partial = '';

  constructor(private readonly file: string) {}

  /** New complete rows since the last call. */
  read(): T[] {
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return [];
    }
    try {
      const size = fstatSync(fd).size;
      if (size < this.offset) {
        this.offset = 0;
        this.partial = '';
      }
      if (size === this.offset) return [];
      const buf = Buffer.alloc(size - this.offset);
      const n = readSync(fd, buf, 0, buf.length, this.offset);
      this.offset += n;
      const text = this.partial + buf.subarray(0, n).toString('utf8');
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      const rows: T[] = [];
      for (const line of lines) {
        if (line.trim() === '') continue;
        try {
          rows.push(JSON.parse(line) as T);
        } catch {
          // A corrupt line (e.g. a crash mid-write) is skipped, not fatal to the monitor.
        }
      }
      return rows;
    } finally {
      closeSync(fd);
    }
  }
}

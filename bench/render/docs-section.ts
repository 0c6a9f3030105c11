// The generated sections of a Markdown file: the text between
// `<!-- BEGIN GENERATED: name (how to regenerate) -->` and `<!-- END GENERATED: name -->`.

const begin = (name: string) => new RegExp(`<!-- BEGIN GENERATED: ${name}\\b[^>]*-->`);
const end = (name: string) => `<!-- END GENERATED: ${name} -->`;

/** Where section `name`'s body starts and ends in `doc`; throws when its markers are missing. */
function bounds(doc: string, name: string, file: string): [number, number] {
  const b = begin(name).exec(doc);
  const e = doc.indexOf(end(name));
  if (!b || e < 0 || e < b.index) {
    throw new Error(
      `${file}: no generated section '${name}': put '<!-- BEGIN GENERATED: ${name} (…) -->' and '${end(name)}' where it goes`,
    );
  }
  return [b.index + b[0].length, e];
}

/** `doc` with section `name`'s body replaced by `body`. */
export function replaceSection(doc: string, name: string, body: string, file: string): string {
  const [from, to] = bounds(doc, name, file);
  return doc.slice(0, from) + body + doc.slice(to);
}

/** Section `name`'s body in `doc`. */
export function readSection(doc: string, name: string, file: string): string {
  const [from, to] = bounds(doc, name, file);
  return doc.slice(from, to);
}

/**
 * `text` with the padding that Markdown formatters add to tables taken out (`|  a  |` → `|a|`,
 * `| ----- |` → `|---|`), so a check after `prettier --write` compares content, not alignment.
 */
export function withoutTablePadding(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('|')
        ? line
            .trim()
            .replace(/\s*\|\s*/g, '|')
            .replace(/-{3,}/g, '---')
        : line,
    )
    .join('\n');
}

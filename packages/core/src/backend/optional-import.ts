/** Result of {@link importOptional}: the module, or why it could not be loaded. */
export type OptionalImport<M> = { ok: true; module: M } | { ok: false; reason: string };

/**
 * Imports an optional peer dependency by name at run time. The specifier is a variable so that
 * bundlers do not try to resolve packages the user did not install (a browser build never has
 * `@tensorflow/tfjs-node`); the `@vite-ignore`/`webpackIgnore` comments silence their warnings.
 *
 * A package that is absent gives the reason `not installed`; one that is present but fails to
 * load (a broken native binding, a missing dependency of its own) gives `failed to load: …`.
 */
export async function importOptional<M = unknown>(specifier: string): Promise<OptionalImport<M>> {
  try {
    const module = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as M;
    return { ok: true, module };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const quoted = [`'${specifier}'`, `"${specifier}"`].some((q) => message.includes(q));
    const notFound =
      /cannot find (package|module)|could not resolve|failed to (resolve|load url)|module not found/i.test(
        message,
      );
    return quoted && notFound
      ? { ok: false, reason: 'not installed' }
      : { ok: false, reason: `failed to load: ${message}` };
  }
}

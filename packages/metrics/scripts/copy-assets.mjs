// Build step: copies src/assets (the MNIST classifier weights) to dist/assets, where
// `new URL('./assets/…', import.meta.url)` in dist/mnist-classifier-url.js finds them.
import { cpSync } from 'node:fs';
import { URL } from 'node:url';

cpSync(new URL('../src/assets', import.meta.url), new URL('../dist/assets', import.meta.url), {
  recursive: true,
});

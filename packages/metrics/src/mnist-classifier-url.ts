/**
 * Where the shipped MNIST classifier weights are: `./assets/mnist-classifier.bin` next to this
 * module (src/assets in the repository, dist/assets in the package; the build copies them), so
 * the packed tarball carries them and bundlers that understand `new URL(…, import.meta.url)`
 * emit them as an asset. This module imports nothing.
 */
export function mnistClassifierUrl(): URL {
  return new URL('./assets/mnist-classifier.bin', import.meta.url);
}

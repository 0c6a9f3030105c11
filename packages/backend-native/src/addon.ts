import { createRequire } from 'node:module';

/**
 * A forward convolution's geometry as the addon takes it: batch, height, width, channels,
 * filterHeight, filterWidth, outChannels, outHeight, outWidth, strideHeight, strideWidth,
 * dilationHeight, dilationWidth, padTop, padLeft.
 */
export type ConvGeometry = [
  batch: number,
  height: number,
  width: number,
  channels: number,
  filterHeight: number,
  filterWidth: number,
  outChannels: number,
  outHeight: number,
  outWidth: number,
  strideHeight: number,
  strideWidth: number,
  dilationHeight: number,
  dilationWidth: number,
  padTop: number,
  padLeft: number,
];

/** The functions the compiled addon (`build/Release/ganforge_native.node`) exports. */
export interface NativeAddon {
  /**
   * Batched row-major sgemm on the wasm heap: for each i < batch,
   * C[i] = act(op(A[i mod batchA])·op(B[i mod batchB]) + bias). Offsets are in bytes.
   */
  gemm(
    heap: Uint8Array,
    aOffset: number,
    bOffset: number,
    cOffset: number,
    batch: number,
    batchA: number,
    batchB: number,
    m: number,
    n: number,
    k: number,
    transposeA: number,
    transposeB: number,
    biasOffset: number,
    biasMode: number,
    activation: number,
    alpha: number,
  ): void;
  /**
   * NHWC × HWIO → NHWC convolution by im2col + sgemm (any stride, dilation, top/left padding;
   * bottom/right padding follows from the output size).
   */
  conv2d(heap: Uint8Array, xOffset: number, wOffset: number, yOffset: number, ...geometry: ConvGeometry): void;
  /** The input gradient dx of {@link NativeAddon.conv2d} from dy and W (sgemm + col2im); geometry of the forward conv. */
  conv2dBackpropInput(
    heap: Uint8Array,
    dyOffset: number,
    wOffset: number,
    dxOffset: number,
    ...geometry: ConvGeometry
  ): void;
  /** The filter gradient dW of {@link NativeAddon.conv2d} from x and dy (im2col + sgemm); geometry of the forward conv. */
  conv2dBackpropFilter(
    heap: Uint8Array,
    xOffset: number,
    dyOffset: number,
    dwOffset: number,
    ...geometry: ConvGeometry
  ): void;
  /**
   * x (float32 at `xOffset`) seen as outer×reduce×inner: y[o, i] = Σ_r x[o, r, i], divided by
   * `reduce` when `mean` is 1; double accumulators.
   */
  reduceSum(
    heap: Uint8Array,
    xOffset: number,
    yOffset: number,
    outer: number,
    reduce: number,
    inner: number,
    mean: number,
  ): void;
  /**
   * Core's Adam update (`ADAM_UPDATE_KERNEL`) over `size` float32 elements, bit-identical to the
   * composite: reads θ, g, m, v and writes θ′, m′, v′ (byte offsets).
   */
  adamUpdate(
    heap: Uint8Array,
    paramOffset: number,
    gradOffset: number,
    mOffset: number,
    vOffset: number,
    paramOutOffset: number,
    mOutOffset: number,
    vOutOffset: number,
    size: number,
    lr: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    oneMinusBeta1Power: number,
    oneMinusBeta2Power: number,
  ): void;
  /** Native calls (sgemm batches and convolutions) run since the addon loaded. */
  calls(): number;
  /** Convolutions oneDNN computed since the addon loaded (the others ran on im2col + OpenBLAS). */
  onednnCalls(): number;
  /**
   * Whether oneDNN (built in when libdnnl-dev was present at build time) computes products and
   * convolutions, and its version or why not; `on` switches it first (off: all on OpenBLAS).
   */
  onednn(on?: boolean): { active: boolean; info: string };
  /** Threads of the library in use (oneDNN's OpenMP pool, else OpenBLAS); sets both first when `n` ≥ 1 is given. */
  threads(n?: number): number;
  /** OpenBLAS' build configuration (`openblas_get_config()`). */
  config(): string;
}

/** Result of {@link loadAddon}: the addon, or why it could not be loaded. */
export type AddonLoad = { ok: true; addon: NativeAddon; path: string } | { ok: false; reason: string };

const require = createRequire(import.meta.url);
const ADDON_PATH = new URL('../build/Release/ganforge_native.node', import.meta.url);

let cached: AddonLoad | undefined;

/**
 * Loads the compiled addon once. `GANFORGE_NATIVE=0` in the environment disables it (as if it
 * had not been built), to compare with the fallback path. Never throws.
 */
export function loadAddon(): AddonLoad {
  if (process.env.GANFORGE_NATIVE === '0') {
    return { ok: false, reason: 'disabled by GANFORGE_NATIVE=0' };
  }
  if (cached !== undefined) return cached;
  const path = ADDON_PATH.pathname;
  try {
    cached = { ok: true, addon: require(path) as NativeAddon, path };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    cached = {
      ok: false,
      reason:
        code === 'MODULE_NOT_FOUND'
          ? 'native addon not built (run `npm run build:native`; it needs OpenBLAS, e.g. Debian libopenblas-dev, and a C compiler)'
          : `native addon failed to load: ${message}`,
    };
  }
  return cached;
}

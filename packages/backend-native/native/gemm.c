/*
 * @ganforge/backend-native: OpenBLAS sgemm on tensors that live in tfjs' wasm heap.
 *
 * JavaScript passes the heap (a Uint8Array over the wasm module's memory, re-read on every call
 * because the heap can grow and move) and byte offsets into it; nothing is copied. Row-major
 * cblas_sgemm with the transpose flags replaces tfjs' explicit transposes.
 */
#include <node_api.h>
#include <cblas.h>

#include "native.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Declared by OpenBLAS' cblas.h too; repeated so that another CBLAS header still compiles. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_config(void);

enum { BIAS_NONE = 0, BIAS_SCALAR = 1, BIAS_ROW = 2, BIAS_MATRIX = 3, BIAS_FULL = 4, BIAS_COLUMN = 5 };
enum { ACT_LINEAR = 0, ACT_RELU = 1, ACT_RELU6 = 2, ACT_LEAKYRELU = 3, ACT_ELU = 4, ACT_SIGMOID = 5 };

static double gemm_calls = 0;
/* Convolutions oneDNN ran (the rest went through im2col/col2im + sgemm). */
static double onednn_calls = 0;

/*
 * Products below this many multiply-adds run on one OpenBLAS thread: splitting them costs more
 * than it saves (measured on 2 cores: DCGAN's first conv, 12544×32×16, 1.05 ms on 2 threads vs
 * 0.61 ms on 1).
 */
#define SMALL_GEMM_MACS (1 << 24)

/* cblas_sgemm (row-major), on one thread when the product is small (SMALL_GEMM_MACS). */
static void sgemm(int trans_a, int trans_b, int m, int n, int k, const float *a, int lda, const float *b, int ldb,
                  float beta, float *c, int ldc) {
  if (onednn_gemm(trans_a, trans_b, m, n, k, a, lda, b, ldb, beta, c, ldc)) return;
  int threads = openblas_get_num_threads();
  int small = threads > 1 && (double)m * (double)n * (double)k < (double)SMALL_GEMM_MACS;
  if (small) openblas_set_num_threads(1);
  cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans, m, n, k, 1.f,
              a, lda, b, ldb, beta, c, ldc);
  if (small) openblas_set_num_threads(threads);
}

#define GEMM_ARGS 17

static napi_value throw_error(napi_env env, const char *msg) {
  napi_throw_error(env, "ERR_GANFORGE_NATIVE", msg);
  return NULL;
}

/*
 * The wasm heap (argument 0: a Uint8Array over the module's memory, re-read on every call because
 * the heap can grow and move) and its length in bytes. Returns 0, having thrown, if it is not one.
 */
static int read_heap(napi_env env, napi_value value, const char *name, uint8_t **heap, size_t *length) {
  bool is_typed = false;
  napi_typedarray_type type;
  void *data = NULL;
  napi_value arraybuffer;
  size_t byte_offset = 0;
  napi_is_typedarray(env, value, &is_typed);
  if (!is_typed ||
      napi_get_typedarray_info(env, value, &type, length, &data, &arraybuffer, &byte_offset) != napi_ok ||
      type != napi_uint8_array || data == NULL) {
    char msg[200];
    snprintf(msg, sizeof msg,
             "%s: the heap must be a Uint8Array over an ArrayBuffer (detached by a heap growth, or a SharedArrayBuffer?)",
             name);
    throw_error(env, msg);
    return 0;
  }
  *heap = (uint8_t *)data;
  return 1;
}

/* Whether [offset, offset + bytes) lies inside a heap of `length` bytes. */
static int in_heap(int64_t offset, int64_t bytes, size_t length) {
  return offset >= 0 && bytes >= 0 && (uint64_t)(offset + bytes) <= (uint64_t)length &&
         offset % 4 == 0;
}

static void fill_bias(float *c, const float *bias, int mode, int64_t m, int64_t n, int64_t batch_index) {
  int64_t size = m * n;
  switch (mode) {
    case BIAS_SCALAR:
      for (int64_t i = 0; i < size; i++) c[i] = bias[0];
      break;
    case BIAS_ROW:
      for (int64_t r = 0; r < m; r++) memcpy(c + r * n, bias, (size_t)n * sizeof(float));
      break;
    case BIAS_COLUMN:
      for (int64_t r = 0; r < m; r++)
        for (int64_t j = 0; j < n; j++) c[r * n + j] = bias[r];
      break;
    case BIAS_MATRIX:
      memcpy(c, bias, (size_t)size * sizeof(float));
      break;
    case BIAS_FULL:
      memcpy(c, bias + batch_index * size, (size_t)size * sizeof(float));
      break;
    default:
      break;
  }
}

static void activate(float *c, int64_t size, int act, float alpha) {
  switch (act) {
    case ACT_RELU:
      for (int64_t i = 0; i < size; i++) c[i] = c[i] < 0.f ? 0.f : c[i];
      break;
    case ACT_RELU6:
      for (int64_t i = 0; i < size; i++) c[i] = c[i] < 0.f ? 0.f : (c[i] > 6.f ? 6.f : c[i]);
      break;
    case ACT_LEAKYRELU:
      for (int64_t i = 0; i < size; i++) c[i] = c[i] < 0.f ? alpha * c[i] : c[i];
      break;
    case ACT_ELU:
      for (int64_t i = 0; i < size; i++) c[i] = c[i] < 0.f ? expf(c[i]) - 1.f : c[i];
      break;
    case ACT_SIGMOID:
      for (int64_t i = 0; i < size; i++) c[i] = 1.f / (1.f + expf(-c[i]));
      break;
    default:
      break;
  }
}

/*
 * gemm(heap, aOff, bOff, cOff, batch, batchA, batchB, m, n, k, transA, transB,
 *      biasOff, biasMode, activation, alpha, unused) -> undefined
 *
 * For each i < batch: C[i] (m×n) = act(A[i mod batchA]·B[i mod batchB] + bias), where A[i] is
 * m×k (k×m when transA) and B[i] is k×n (n×k when transB), all row-major float32.
 */
static napi_value gemm(napi_env env, napi_callback_info info) {
  size_t argc = GEMM_ARGS;
  napi_value argv[GEMM_ARGS];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < GEMM_ARGS - 1)
    return throw_error(env, "gemm: expected 16 arguments");

  uint8_t *heap;
  size_t length = 0;
  if (!read_heap(env, argv[0], "gemm", &heap, &length)) return NULL;

  int64_t v[15];
  for (int i = 0; i < 15; i++) {
    if (napi_get_value_int64(env, argv[1 + i], &v[i]) != napi_ok)
      return throw_error(env, "gemm: arguments 2-16 must be numbers");
  }
  double alpha_d = 0;
  napi_get_value_double(env, argv[15], &alpha_d);
  int64_t a_off = v[0], b_off = v[1], c_off = v[2], batch = v[3], batch_a = v[4], batch_b = v[5];
  int64_t m = v[6], n = v[7], k = v[8];
  int trans_a = v[9] != 0, trans_b = v[10] != 0;
  int64_t bias_off = v[11];
  int bias_mode = (int)v[12], act = (int)v[13];
  float alpha = (float)alpha_d;

  if (batch < 0 || m < 0 || n < 0 || k < 0 || batch_a < 1 || batch_b < 1 ||
      (batch_a != batch && batch_a != 1) || (batch_b != batch && batch_b != 1))
    return throw_error(env, "gemm: bad shape");
  if (m > INT32_MAX || n > INT32_MAX || k > INT32_MAX) return throw_error(env, "gemm: dimension too large for BLAS");
  if (!in_heap(a_off, batch_a * m * k * 4, length) || !in_heap(b_off, batch_b * k * n * 4, length) ||
      !in_heap(c_off, batch * m * n * 4, length))
    return throw_error(env, "gemm: operand outside the heap");
  int64_t bias_size = 0;
  switch (bias_mode) {
    case BIAS_NONE: break;
    case BIAS_SCALAR: bias_size = 1; break;
    case BIAS_ROW: bias_size = n; break;
    case BIAS_COLUMN: bias_size = m; break;
    case BIAS_MATRIX: bias_size = m * n; break;
    case BIAS_FULL: bias_size = batch * m * n; break;
    default: return throw_error(env, "gemm: bad bias mode");
  }
  if (bias_mode != BIAS_NONE && !in_heap(bias_off, bias_size * 4, length))
    return throw_error(env, "gemm: bias outside the heap");
  if (act < ACT_LINEAR || act > ACT_SIGMOID) return throw_error(env, "gemm: bad activation");

  const float *a = (const float *)(heap + a_off);
  const float *b = (const float *)(heap + b_off);
  float *c = (float *)(heap + c_off);
  const float *bias = bias_mode == BIAS_NONE ? NULL : (const float *)(heap + bias_off);
  int lda = trans_a ? (int)m : (int)k;
  int ldb = trans_b ? (int)k : (int)n;
  for (int64_t i = 0; i < batch; i++) {
    float *ci = c + i * m * n;
    const float *ai = a + (batch_a == 1 ? 0 : i) * m * k;
    const float *bi = b + (batch_b == 1 ? 0 : i) * k * n;
    if (m == 0 || n == 0) continue;
    if (bias != NULL) fill_bias(ci, bias, bias_mode, m, n, i);
    if (k == 0) {
      if (bias == NULL) memset(ci, 0, (size_t)(m * n) * sizeof(float));
    } else {
      sgemm(trans_a, trans_b, (int)m, (int)n, (int)k, ai, lda, bi, ldb, bias != NULL ? 1.f : 0.f, ci, (int)n);
    }
    activate(ci, m * n, act, alpha);
  }
  gemm_calls += 1;
  return NULL;
}

#define CONV_ARGS 19
/* Floats of the im2col buffer per chunk of output rows (16 MiB). */
#define CONV_CHUNK_FLOATS (1 << 22)

/*
 * Reads the heap (and its length in bytes), three operand byte offsets (arguments 2-4) and the 15
 * geometry numbers that follow. Returns 0, having thrown, on bad input.
 */
static int conv_args(napi_env env, napi_callback_info info, const char *name, uint8_t **heap, size_t *heap_length,
                     int64_t off[3], conv_geometry *g) {
  size_t argc = CONV_ARGS;
  napi_value argv[CONV_ARGS];
  char msg[160];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < CONV_ARGS) {
    snprintf(msg, sizeof msg, "%s: expected 19 arguments", name);
    throw_error(env, msg);
    return 0;
  }
  if (!read_heap(env, argv[0], name, heap, heap_length)) return 0;
  int64_t v[18];
  for (int i = 0; i < 18; i++) {
    if (napi_get_value_int64(env, argv[1 + i], &v[i]) != napi_ok) {
      snprintf(msg, sizeof msg, "%s: arguments 2-19 must be numbers", name);
      throw_error(env, msg);
      return 0;
    }
  }
  off[0] = v[0];
  off[1] = v[1];
  off[2] = v[2];
  *g = (conv_geometry){v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17]};
  if (g->n < 0 || g->h < 0 || g->w < 0 || g->c < 1 || g->fh < 1 || g->fw < 1 || g->o < 1 || g->oh < 0 || g->ow < 0 ||
      g->sh < 1 || g->sw < 1 || g->dh < 1 || g->dw < 1) {
    snprintf(msg, sizeof msg, "%s: bad shape", name);
    throw_error(env, msg);
    return 0;
  }
  if (g->fh * g->fw * g->c > INT32_MAX || g->o > INT32_MAX) {
    snprintf(msg, sizeof msg, "%s: dimension too large for BLAS", name);
    throw_error(env, msg);
    return 0;
  }
  return 1;
}

/* Whether input x, filter and output y (byte offsets) lie inside a heap of `length` bytes; throws if not. */
static int conv_in_heap(napi_env env, const char *name, size_t length, int64_t x_off, int64_t w_off, int64_t y_off,
                        const conv_geometry *g) {
  if (!in_heap(x_off, g->n * g->h * g->w * g->c * 4, length) ||
      !in_heap(w_off, g->fh * g->fw * g->c * g->o * 4, length) ||
      !in_heap(y_off, g->n * g->oh * g->ow * g->o * 4, length)) {
    char msg[120];
    snprintf(msg, sizeof msg, "%s: operand outside the heap", name);
    throw_error(env, msg);
    return 0;
  }
  return 1;
}

/*
 * The im2col/col2im buffer: kept per thread and grown as needed, never freed. malloc + free of a
 * multi-megabyte buffer per call let glibc hand the pages back to the kernel and fault them in
 * again (zero-filled) on the next call, which cost more than the gathering itself.
 */
static _Thread_local float *scratch = NULL;
static _Thread_local size_t scratch_floats = 0;

static float *scratch_buffer(size_t floats) {
  if (floats > scratch_floats) {
    float *grown = (float *)realloc(scratch, floats * sizeof(float));
    if (grown == NULL) return NULL;
    scratch = grown;
    scratch_floats = floats;
  }
  return scratch;
}

/* Output rows per im2col chunk: as many as fit CONV_CHUNK_FLOATS, at least 1. */
static int64_t conv_chunk(const conv_geometry *g) {
  int64_t k = g->fh * g->fw * g->c, rows = g->n * g->oh * g->ow;
  int64_t chunk = CONV_CHUNK_FLOATS / k;
  if (chunk < 1) chunk = 1;
  if (chunk > rows) chunk = rows;
  if (chunk > INT32_MAX) chunk = INT32_MAX;
  return chunk;
}

/* Whether the convolution is a plain matrix product (1×1, stride 1, no padding, same size). */
static int conv_is_pointwise(const conv_geometry *g) {
  return g->fh == 1 && g->fw == 1 && g->sh == 1 && g->sw == 1 && g->pad_top == 0 && g->pad_left == 0 &&
         g->oh == g->h && g->ow == g->w;
}

/* im2col: cols[r − r0, :] = the fh×fw×c patch under output row r (zero outside the image). */
static void im2col(const conv_geometry *g, const float *x, int64_t r0, int64_t r1, float *cols) {
  int64_t k = g->fh * g->fw * g->c, c = g->c;
  for (int64_t r = r0; r < r1; r++) {
    int64_t b = r / (g->oh * g->ow), rem = r % (g->oh * g->ow), oy = rem / g->ow, ox = rem % g->ow;
    float *dst = cols + (r - r0) * k;
    const float *img = x + b * g->h * g->w * c;
    for (int64_t ky = 0; ky < g->fh; ky++) {
      int64_t iy = oy * g->sh - g->pad_top + ky * g->dh;
      for (int64_t kx = 0; kx < g->fw; kx++) {
        int64_t ix = ox * g->sw - g->pad_left + kx * g->dw;
        float *d = dst + (ky * g->fw + kx) * c;
        if (iy < 0 || iy >= g->h || ix < 0 || ix >= g->w) {
          for (int64_t j = 0; j < c; j++) d[j] = 0.f;
        } else {
          const float *s = img + (iy * g->w + ix) * c;
          for (int64_t j = 0; j < c; j++) d[j] = s[j];
        }
      }
    }
  }
}

/* col2im, the adjoint of im2col: dx[patch under row r] += cols[r − r0, :] (outside the image: dropped). */
static void col2im(const conv_geometry *g, const float *cols, int64_t r0, int64_t r1, float *dx) {
  int64_t k = g->fh * g->fw * g->c, c = g->c;
  for (int64_t r = r0; r < r1; r++) {
    int64_t b = r / (g->oh * g->ow), rem = r % (g->oh * g->ow), oy = rem / g->ow, ox = rem % g->ow;
    const float *src = cols + (r - r0) * k;
    float *img = dx + b * g->h * g->w * c;
    for (int64_t ky = 0; ky < g->fh; ky++) {
      int64_t iy = oy * g->sh - g->pad_top + ky * g->dh;
      if (iy < 0 || iy >= g->h) continue;
      for (int64_t kx = 0; kx < g->fw; kx++) {
        int64_t ix = ox * g->sw - g->pad_left + kx * g->dw;
        if (ix < 0 || ix >= g->w) continue;
        const float *s = src + (ky * g->fw + kx) * c;
        float *d = img + (iy * g->w + ix) * c;
        for (int64_t j = 0; j < c; j++) d[j] += s[j];
      }
    }
  }
}

/*
 * conv2d(heap, xOff, wOff, yOff, n, h, w, c, fh, fw, o, oh, ow, strideH, strideW, dilationH,
 *        dilationW, padTop, padLeft) -> undefined
 *
 * NHWC input, HWIO filter, NHWC output: y[(n,oy,ox), :] = patch(n,oy,ox) · W, where the patch is
 * the fh×fw×c window at (oy·sH − padTop, ox·sW − padLeft) with dilations, zero outside the image.
 * Patches are gathered (im2col) for a chunk of output rows at a time, then one sgemm per chunk;
 * a 1×1 stride-1 unpadded convolution needs no gathering.
 */
static napi_value conv2d(napi_env env, napi_callback_info info) {
  uint8_t *heap;
  int64_t off[3];
  conv_geometry g;
  size_t length;
  if (!conv_args(env, info, "conv2d", &heap, &length, off, &g) ||
      !conv_in_heap(env, "conv2d", length, off[0], off[1], off[2], &g))
    return NULL;
  const float *x = (const float *)(heap + off[0]);
  const float *filt = (const float *)(heap + off[1]);
  float *y = (float *)(heap + off[2]);
  int64_t rows = g.n * g.oh * g.ow, k = g.fh * g.fw * g.c;
  if (rows == 0) return NULL;
  if (onednn_conv(CONV_FORWARD, &g, x, filt, y)) {
    onednn_calls += 1;
    return NULL;
  }
  if (conv_is_pointwise(&g)) {
    sgemm(0, 0, (int)rows, (int)g.o, (int)g.c, x, (int)g.c, filt, (int)g.o, 0.f, y, (int)g.o);
    gemm_calls += 1;
    return NULL;
  }
  int64_t chunk = conv_chunk(&g);
  float *cols = scratch_buffer((size_t)(chunk * k));
  if (cols == NULL) return throw_error(env, "conv2d: out of memory for the im2col buffer");
  for (int64_t r0 = 0; r0 < rows; r0 += chunk) {
    int64_t r1 = r0 + chunk < rows ? r0 + chunk : rows;
    im2col(&g, x, r0, r1, cols);
    sgemm(0, 0, (int)(r1 - r0), (int)g.o, (int)k, cols, (int)k, filt, (int)g.o, 0.f, y + r0 * g.o, (int)g.o);
  }
  gemm_calls += 1;
  return NULL;
}

/*
 * conv2dBackpropInput(heap, dyOff, wOff, dxOff, <the forward convolution's 15 geometry numbers>)
 *
 * The input gradient dx (n×h×w×c) of y = conv2d(x, W) given dy (n×oh×ow×o), which is also
 * conv2dTranspose's forward: per chunk of output rows, cols = dy[rows] · Wᵀ (one sgemm, W seen
 * as (fh·fw·c)×o), then col2im adds each row's patch gradient into dx.
 */
static napi_value conv2d_backprop_input(napi_env env, napi_callback_info info) {
  const char *name = "conv2dBackpropInput";
  uint8_t *heap;
  int64_t off[3];
  conv_geometry g;
  size_t length;
  if (!conv_args(env, info, name, &heap, &length, off, &g) || !conv_in_heap(env, name, length, off[2], off[1], off[0], &g))
    return NULL;
  const float *dy = (const float *)(heap + off[0]);
  const float *filt = (const float *)(heap + off[1]);
  float *dx = (float *)(heap + off[2]);
  int64_t rows = g.n * g.oh * g.ow, k = g.fh * g.fw * g.c;
  if (rows > 0 && onednn_conv(CONV_BACKWARD_DATA, &g, dy, filt, dx)) {
    onednn_calls += 1;
    return NULL;
  }
  if (conv_is_pointwise(&g)) {
    sgemm(0, 1, (int)rows, (int)g.c, (int)g.o, dy, (int)g.o, filt, (int)g.o, 0.f, dx, (int)g.c);
    gemm_calls += 1;
    return NULL;
  }
  memset(dx, 0, (size_t)(g.n * g.h * g.w * g.c) * sizeof(float));
  if (rows == 0) return NULL;
  int64_t chunk = conv_chunk(&g);
  float *cols = scratch_buffer((size_t)(chunk * k));
  if (cols == NULL) return throw_error(env, "conv2dBackpropInput: out of memory for the col2im buffer");
  for (int64_t r0 = 0; r0 < rows; r0 += chunk) {
    int64_t r1 = r0 + chunk < rows ? r0 + chunk : rows;
    sgemm(0, 1, (int)(r1 - r0), (int)k, (int)g.o, dy + r0 * g.o, (int)g.o, filt, (int)g.o, 0.f, cols, (int)k);
    col2im(&g, cols, r0, r1, dx);
  }
  gemm_calls += 1;
  return NULL;
}

/*
 * conv2dBackpropFilter(heap, xOff, dyOff, dwOff, <the forward convolution's 15 geometry numbers>)
 *
 * The filter gradient dW (fh×fw×c×o) of y = conv2d(x, W) given x and dy: dW = Σ over chunks of
 * output rows of im2col(x)[rows]ᵀ · dy[rows] (sgemm accumulating into dW).
 */
static napi_value conv2d_backprop_filter(napi_env env, napi_callback_info info) {
  const char *name = "conv2dBackpropFilter";
  uint8_t *heap;
  int64_t off[3];
  conv_geometry g;
  size_t length;
  if (!conv_args(env, info, name, &heap, &length, off, &g) || !conv_in_heap(env, name, length, off[0], off[2], off[1], &g))
    return NULL;
  const float *x = (const float *)(heap + off[0]);
  const float *dy = (const float *)(heap + off[1]);
  float *dw = (float *)(heap + off[2]);
  int64_t rows = g.n * g.oh * g.ow, k = g.fh * g.fw * g.c;
  if (rows == 0) {
    memset(dw, 0, (size_t)(k * g.o) * sizeof(float));
    return NULL;
  }
  if (onednn_conv(CONV_BACKWARD_WEIGHTS, &g, x, dy, dw)) {
    onednn_calls += 1;
    return NULL;
  }
  if (conv_is_pointwise(&g)) {
    sgemm(1, 0, (int)g.c, (int)g.o, (int)rows, x, (int)g.c, dy, (int)g.o, 0.f, dw, (int)g.o);
    gemm_calls += 1;
    return NULL;
  }
  int64_t chunk = conv_chunk(&g);
  float *cols = scratch_buffer((size_t)(chunk * k));
  if (cols == NULL) return throw_error(env, "conv2dBackpropFilter: out of memory for the im2col buffer");
  for (int64_t r0 = 0; r0 < rows; r0 += chunk) {
    int64_t r1 = r0 + chunk < rows ? r0 + chunk : rows;
    im2col(&g, x, r0, r1, cols);
    sgemm(1, 0, (int)k, (int)g.o, (int)(r1 - r0), cols, (int)k, dy + r0 * g.o, (int)g.o, r0 == 0 ? 0.f : 1.f, dw, (int)g.o);
  }
  gemm_calls += 1;
  return NULL;
}

#define REDUCE_ARGS 6

/*
 * reduceSum(heap, xOff, yOff, outer, reduce, inner, mean) -> undefined
 *
 * x seen as outer×reduce×inner (row-major): y[o, i] = Σ_r x[o, r, i], divided by `reduce` when
 * `mean` is nonzero. Accumulates in double, then rounds once to float32.
 */
static napi_value reduce_sum(napi_env env, napi_callback_info info) {
  size_t argc = REDUCE_ARGS + 1;
  napi_value argv[REDUCE_ARGS + 1];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < REDUCE_ARGS + 1)
    return throw_error(env, "reduceSum: expected 7 arguments");
  uint8_t *data;
  size_t length = 0;
  if (!read_heap(env, argv[0], "reduceSum", &data, &length)) return NULL;
  int64_t v[REDUCE_ARGS];
  for (int i = 0; i < REDUCE_ARGS; i++) {
    if (napi_get_value_int64(env, argv[1 + i], &v[i]) != napi_ok)
      return throw_error(env, "reduceSum: arguments 2-7 must be numbers");
  }
  int64_t x_off = v[0], y_off = v[1], outer = v[2], reduce = v[3], inner = v[4];
  int mean = v[5] != 0;
  if (outer < 0 || reduce < 0 || inner < 1) return throw_error(env, "reduceSum: bad shape");
  if (!in_heap(x_off, outer * reduce * inner * 4, length) || !in_heap(y_off, outer * inner * 4, length))
    return throw_error(env, "reduceSum: operand outside the heap");
  const float *x = (const float *)(data + x_off);
  float *y = (float *)(data + y_off);
  double scale = mean && reduce > 0 ? 1.0 / (double)reduce : 1.0;
  if (inner == 1) {
    for (int64_t o = 0; o < outer; o++) {
      const float *row = x + o * reduce;
      double acc[4] = {0, 0, 0, 0};
      int64_t r = 0;
      for (; r + 4 <= reduce; r += 4) {
        acc[0] += row[r];
        acc[1] += row[r + 1];
        acc[2] += row[r + 2];
        acc[3] += row[r + 3];
      }
      for (; r < reduce; r++) acc[0] += row[r];
      y[o] = (float)(((acc[0] + acc[1]) + (acc[2] + acc[3])) * scale);
    }
    return NULL;
  }
  double *acc = (double *)malloc((size_t)inner * sizeof(double));
  if (acc == NULL) return throw_error(env, "reduceSum: out of memory");
  for (int64_t o = 0; o < outer; o++) {
    for (int64_t i = 0; i < inner; i++) acc[i] = 0;
    const float *block = x + o * reduce * inner;
    for (int64_t r = 0; r < reduce; r++) {
      const float *row = block + r * inner;
      for (int64_t i = 0; i < inner; i++) acc[i] += row[i];
    }
    for (int64_t i = 0; i < inner; i++) y[o * inner + i] = (float)(acc[i] * scale);
  }
  free(acc);
  return NULL;
}

#define ADAM_ARGS 15

/*
 * adamUpdate(heap, pOff, gOff, mOff, vOff, pOut, mOut, vOut, size, lr, beta1, beta2, epsilon,
 *            oneMinusBeta1Power, oneMinusBeta2Power) -> undefined
 *
 * Core's Adam update (packages/core/src/optim/adam.ts, ADAM_UPDATE_KERNEL) elementwise, with
 * float32 operations in the composite's order and constants rounded to float32 as tfjs does, so
 * the results are bit-identical (compiled with -std=c11: no contraction into fused multiply-adds):
 *   m' = m*b1 + g*(1-b1);  v' = v*b2 + (g*g)*(1-b2);
 *   p' = ((m' / omp1) / (sqrtf(v' / omp2) + eps)) * (-lr) + p.
 */
static napi_value adam_update(napi_env env, napi_callback_info info) {
  size_t argc = ADAM_ARGS;
  napi_value argv[ADAM_ARGS];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < ADAM_ARGS)
    return throw_error(env, "adamUpdate: expected 15 arguments");
  uint8_t *data;
  size_t length = 0;
  if (!read_heap(env, argv[0], "adamUpdate", &data, &length)) return NULL;
  int64_t off[8];
  for (int i = 0; i < 8; i++) {
    if (napi_get_value_int64(env, argv[1 + i], &off[i]) != napi_ok)
      return throw_error(env, "adamUpdate: arguments 2-9 must be numbers");
  }
  double h[6];
  for (int i = 0; i < 6; i++) {
    if (napi_get_value_double(env, argv[9 + i], &h[i]) != napi_ok)
      return throw_error(env, "adamUpdate: arguments 10-15 must be numbers");
  }
  int64_t size = off[7];
  if (size < 0) return throw_error(env, "adamUpdate: bad size");
  for (int i = 0; i < 7; i++) {
    if (!in_heap(off[i], size * 4, length)) return throw_error(env, "adamUpdate: operand outside the heap");
  }
  uint8_t *heap = data;
  const float *p = (const float *)(heap + off[0]);
  const float *g = (const float *)(heap + off[1]);
  const float *m = (const float *)(heap + off[2]);
  const float *v = (const float *)(heap + off[3]);
  float *p_out = (float *)(heap + off[4]);
  float *m_out = (float *)(heap + off[5]);
  float *v_out = (float *)(heap + off[6]);
  const float minus_lr = (float)(-h[0]);
  const float b1 = (float)h[1], c1 = (float)(1.0 - h[1]);
  const float b2 = (float)h[2], c2 = (float)(1.0 - h[2]);
  const float eps = (float)h[3], omp1 = (float)h[4], omp2 = (float)h[5];
  for (int64_t i = 0; i < size; i++) {
    float gi = g[i];
    float m1 = m[i] * b1 + gi * c1;
    float v1 = v[i] * b2 + (gi * gi) * c2;
    float step = (m1 / omp1) / (sqrtf(v1 / omp2) + eps);
    p_out[i] = step * minus_lr + p[i];
    m_out[i] = m1;
    v_out[i] = v1;
  }
  return NULL;
}

static napi_value calls(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out;
  napi_create_double(env, gemm_calls, &out);
  return out;
}

static napi_value threads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc >= 1) {
    napi_valuetype t;
    napi_typeof(env, argv[0], &t);
    if (t == napi_number) {
      int32_t n = 0;
      napi_get_value_int32(env, argv[0], &n);
      if (n >= 1) {
        openblas_set_num_threads(n);
        onednn_threads(n);
      }
    }
  }
  napi_value out;
  napi_create_int32(env, onednn_active() ? onednn_threads(0) : openblas_get_num_threads(), &out);
  return out;
}

static napi_value config(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out;
  const char *c = openblas_get_config();
  napi_create_string_utf8(env, c == NULL ? "" : c, NAPI_AUTO_LENGTH, &out);
  return out;
}

/* onednn() -> "oneDNN 2.6.3" or why not; onednn(on) switches it on or off first. */
static napi_value onednn(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc >= 1) {
    bool on = false;
    if (napi_get_value_bool(env, argv[0], &on) == napi_ok) onednn_enable(on);
  }
  napi_value result, active, name;
  napi_create_object(env, &result);
  napi_get_boolean(env, onednn_active(), &active);
  napi_create_string_utf8(env, onednn_info(), NAPI_AUTO_LENGTH, &name);
  napi_set_named_property(env, result, "active", active);
  napi_set_named_property(env, result, "info", name);
  return result;
}

static napi_value onednn_calls_fn(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out;
  napi_create_double(env, onednn_calls, &out);
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"gemm", NULL, gemm, NULL, NULL, NULL, napi_default, NULL},
      {"conv2d", NULL, conv2d, NULL, NULL, NULL, napi_default, NULL},
      {"conv2dBackpropInput", NULL, conv2d_backprop_input, NULL, NULL, NULL, napi_default, NULL},
      {"conv2dBackpropFilter", NULL, conv2d_backprop_filter, NULL, NULL, NULL, napi_default, NULL},
      {"reduceSum", NULL, reduce_sum, NULL, NULL, NULL, napi_default, NULL},
      {"adamUpdate", NULL, adam_update, NULL, NULL, NULL, napi_default, NULL},
      {"onednn", NULL, onednn, NULL, NULL, NULL, napi_default, NULL},
      {"onednnCalls", NULL, onednn_calls_fn, NULL, NULL, NULL, napi_default, NULL},
      {"calls", NULL, calls, NULL, NULL, NULL, napi_default, NULL},
      {"threads", NULL, threads, NULL, NULL, NULL, napi_default, NULL},
      {"config", NULL, config, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)

/*
 * @ganforge/backend-native: OpenBLAS sgemm on tensors that live in tfjs' wasm heap.
 *
 * JavaScript passes the heap (a Uint8Array over the wasm module's memory, re-read on every call
 * because the heap can grow and move) and byte offsets into it; nothing is copied. Row-major
 * cblas_sgemm with the transpose flags replaces tfjs' explicit transposes.
 */
#include <node_api.h>
#include <cblas.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Declared by OpenBLAS' cblas.h too; repeated so that another CBLAS header still compiles. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_config(void);

enum { BIAS_NONE = 0, BIAS_SCALAR = 1, BIAS_ROW = 2, BIAS_MATRIX = 3, BIAS_FULL = 4, BIAS_COLUMN = 5 };
enum { ACT_LINEAR = 0, ACT_RELU = 1, ACT_RELU6 = 2, ACT_LEAKYRELU = 3, ACT_ELU = 4, ACT_SIGMOID = 5 };

static double gemm_calls = 0;

#define GEMM_ARGS 17

static napi_value throw_error(napi_env env, const char *msg) {
  napi_throw_error(env, "ERR_GANFORGE_NATIVE", msg);
  return NULL;
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

  bool is_typed = false;
  napi_is_typedarray(env, argv[0], &is_typed);
  if (!is_typed) return throw_error(env, "gemm: the heap must be a Uint8Array");
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  napi_value arraybuffer;
  size_t byte_offset = 0;
  if (napi_get_typedarray_info(env, argv[0], &type, &length, &data, &arraybuffer, &byte_offset) != napi_ok ||
      type != napi_uint8_array || data == NULL)
    return throw_error(env, "gemm: could not read the heap (detached by a heap growth, or a SharedArrayBuffer)");

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

  uint8_t *heap = (uint8_t *)data;
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
      cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
                  (int)m, (int)n, (int)k, 1.f, ai, lda, bi, ldb, bias != NULL ? 1.f : 0.f, ci, (int)n);
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
 * conv2d(heap, xOff, wOff, yOff, n, h, w, c, fh, fw, o, oh, ow, strideH, strideW, dilationH,
 *        dilationW, padTop, padLeft) -> undefined
 *
 * NHWC input, HWIO filter, NHWC output: y[(n,oy,ox), :] = patch(n,oy,ox) · W, where the patch is
 * the fh×fw×c window at (oy·sH − padTop, ox·sW − padLeft) with dilations, zero outside the image.
 * Patches are gathered (im2col) for a chunk of output rows at a time, then one sgemm per chunk;
 * a 1×1 stride-1 unpadded convolution needs no gathering.
 */
static napi_value conv2d(napi_env env, napi_callback_info info) {
  size_t argc = CONV_ARGS;
  napi_value argv[CONV_ARGS];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < CONV_ARGS)
    return throw_error(env, "conv2d: expected 19 arguments");
  bool is_typed = false;
  napi_is_typedarray(env, argv[0], &is_typed);
  if (!is_typed) return throw_error(env, "conv2d: the heap must be a Uint8Array");
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  napi_value arraybuffer;
  size_t byte_offset = 0;
  if (napi_get_typedarray_info(env, argv[0], &type, &length, &data, &arraybuffer, &byte_offset) != napi_ok ||
      type != napi_uint8_array || data == NULL)
    return throw_error(env, "conv2d: could not read the heap (detached by a heap growth, or a SharedArrayBuffer)");
  int64_t v[18];
  for (int i = 0; i < 18; i++) {
    if (napi_get_value_int64(env, argv[1 + i], &v[i]) != napi_ok)
      return throw_error(env, "conv2d: arguments 2-19 must be numbers");
  }
  int64_t x_off = v[0], w_off = v[1], y_off = v[2], n = v[3], h = v[4], w = v[5], c = v[6];
  int64_t fh = v[7], fw = v[8], o = v[9], oh = v[10], ow = v[11], sh = v[12], sw = v[13];
  int64_t dh = v[14], dw = v[15], pad_top = v[16], pad_left = v[17];
  if (n < 0 || h < 0 || w < 0 || c < 1 || fh < 1 || fw < 1 || o < 1 || oh < 0 || ow < 0 || sh < 1 || sw < 1 ||
      dh < 1 || dw < 1)
    return throw_error(env, "conv2d: bad shape");
  int64_t k = fh * fw * c;
  if (k > INT32_MAX || o > INT32_MAX) return throw_error(env, "conv2d: dimension too large for BLAS");
  if (!in_heap(x_off, n * h * w * c * 4, length) || !in_heap(w_off, k * o * 4, length) ||
      !in_heap(y_off, n * oh * ow * o * 4, length))
    return throw_error(env, "conv2d: operand outside the heap");
  uint8_t *heap = (uint8_t *)data;
  const float *x = (const float *)(heap + x_off);
  const float *filt = (const float *)(heap + w_off);
  float *y = (float *)(heap + y_off);
  int64_t rows = n * oh * ow;
  if (rows == 0) return NULL;
  if (fh == 1 && fw == 1 && sh == 1 && sw == 1 && pad_top == 0 && pad_left == 0 && oh == h && ow == w) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)rows, (int)o, (int)c, 1.f, x, (int)c, filt, (int)o,
                0.f, y, (int)o);
    gemm_calls += 1;
    return NULL;
  }
  int64_t chunk = CONV_CHUNK_FLOATS / k;
  if (chunk < 1) chunk = 1;
  if (chunk > rows) chunk = rows;
  if (chunk > INT32_MAX) chunk = INT32_MAX;
  float *cols = (float *)malloc((size_t)(chunk * k) * sizeof(float));
  if (cols == NULL) return throw_error(env, "conv2d: out of memory for the im2col buffer");
  for (int64_t r0 = 0; r0 < rows; r0 += chunk) {
    int64_t r1 = r0 + chunk < rows ? r0 + chunk : rows;
    for (int64_t r = r0; r < r1; r++) {
      int64_t b = r / (oh * ow), rem = r % (oh * ow), oy = rem / ow, ox = rem % ow;
      float *dst = cols + (r - r0) * k;
      const float *img = x + b * h * w * c;
      for (int64_t ky = 0; ky < fh; ky++) {
        int64_t iy = oy * sh - pad_top + ky * dh;
        for (int64_t kx = 0; kx < fw; kx++) {
          int64_t ix = ox * sw - pad_left + kx * dw;
          float *d = dst + (ky * fw + kx) * c;
          if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
            memset(d, 0, (size_t)c * sizeof(float));
          } else {
            memcpy(d, img + (iy * w + ix) * c, (size_t)c * sizeof(float));
          }
        }
      }
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)(r1 - r0), (int)o, (int)k, 1.f, cols, (int)k, filt,
                (int)o, 0.f, y + r0 * o, (int)o);
  }
  free(cols);
  gemm_calls += 1;
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
      if (n >= 1) openblas_set_num_threads(n);
    }
  }
  napi_value out;
  napi_create_int32(env, openblas_get_num_threads(), &out);
  return out;
}

static napi_value config(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out;
  const char *c = openblas_get_config();
  napi_create_string_utf8(env, c == NULL ? "" : c, NAPI_AUTO_LENGTH, &out);
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"gemm", NULL, gemm, NULL, NULL, NULL, napi_default, NULL},
      {"conv2d", NULL, conv2d, NULL, NULL, NULL, napi_default, NULL},
      {"calls", NULL, calls, NULL, NULL, NULL, napi_default, NULL},
      {"threads", NULL, threads, NULL, NULL, NULL, napi_default, NULL},
      {"config", NULL, config, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)

/*
 * @ganforge/backend-native: products and convolutions on oneDNN (Debian's libdnnl-dev, the
 * library PyTorch's CPU convolutions use), straight on the wasm heap.
 *
 * Convolutions: one primitive per (kind, geometry), created on first use and cached; activations
 * stay NHWC (oneDNN's JIT kernels take it directly), the filter is reordered between tfjs' HWIO
 * and the blocked layout the primitive chose. Products: dnnl_sgemm. With oneDNN doing both, one
 * thread pool (OpenMP) serves the whole step: OpenBLAS' and OpenMP's idle threads both spin, and
 * on 2 cores two spinning pools slowed the DCGAN step by a third.
 *
 * Built only with GANFORGE_DNNL defined; otherwise every function answers 0.
 */
#include "native.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GANFORGE_DNNL

int onednn_active(void) { return 0; }
int onednn_enable(int on) {
  (void)on;
  return 0;
}
int onednn_gemm(int trans_a, int trans_b, int m, int n, int k, const float *a, int lda, const float *b, int ldb,
                float beta, float *c, int ldc) {
  (void)trans_a, (void)trans_b, (void)m, (void)n, (void)k, (void)a, (void)lda, (void)b, (void)ldb, (void)beta,
      (void)c, (void)ldc;
  return 0;
}
int onednn_conv(conv_kind kind, const conv_geometry *g, const float *a, const float *b, float *out) {
  (void)kind, (void)g, (void)a, (void)b, (void)out;
  return 0;
}
const char *onednn_info(void) { return "oneDNN not built in (install libdnnl-dev, then npm run build:native)"; }
int onednn_threads(int n) {
  (void)n;
  return 0;
}

#else

#include <dnnl.h>
#include <omp.h>

#define CACHE_SIZE 64

typedef struct {
  int used;
  conv_kind kind;
  conv_geometry g;
  dnnl_primitive_t conv;
  /* The user's HWIO filter, the primitive's layout of it (or NULL if the same), the reorder between. */
  dnnl_memory_t filter_user, filter_prim;
  dnnl_primitive_t filter_reorder;
  /* Activations (data handles set per call): the input and the output of the primitive. */
  dnnl_memory_t act_in, act_out;
} cached_conv;

/*
 * Per thread (Node worker_threads may each load the addon and call it concurrently): the engine,
 * stream and primitive cache. Whether oneDNN is switched on is process-wide.
 */
static _Thread_local dnnl_engine_t engine = NULL;
static _Thread_local dnnl_stream_t stream = NULL;
static _Thread_local int state = 0; /* 0 not yet initialized, 1 ready, -1 unavailable */
static int enabled = 1;
static _Thread_local char info[160] = "oneDNN not initialized";
static _Thread_local cached_conv cache[CACHE_SIZE];
static _Thread_local int next_slot = 0;

static int init(void) {
  if (state != 0) return state == 1;
  static int env_read = 0;
  if (!env_read) {
    const char *env = getenv("GANFORGE_NATIVE_ONEDNN");
    if (env != NULL && strcmp(env, "0") == 0) enabled = 0;
    env_read = 1;
  }
  if (dnnl_engine_create(&engine, dnnl_cpu, 0) != dnnl_success ||
      dnnl_stream_create(&stream, engine, dnnl_stream_default_flags) != dnnl_success) {
    snprintf(info, sizeof info, "oneDNN built in, but it has no CPU engine");
    state = -1;
    return 0;
  }
  const dnnl_version_t *v = dnnl_version();
  snprintf(info, sizeof info, "oneDNN %d.%d.%d", v->major, v->minor, v->patch);
  state = 1;
  return 1;
}

int onednn_active(void) { return init() && enabled; }

int onednn_enable(int on) {
  init();
  enabled = on != 0;
  return onednn_active();
}

const char *onednn_info(void) {
  init();
  return info;
}

int onednn_threads(int n) {
  if (n >= 1) omp_set_num_threads(n);
  return omp_get_max_threads();
}

int onednn_gemm(int trans_a, int trans_b, int m, int n, int k, const float *a, int lda, const float *b, int ldb,
                float beta, float *c, int ldc) {
  if (!onednn_active()) return 0;
  return dnnl_sgemm(trans_a ? 'T' : 'N', trans_b ? 'T' : 'N', m, n, k, 1.f, a, lda, b, ldb, beta, c, ldc) ==
         dnnl_success;
}

static void release(cached_conv *e) {
  if (e->conv) dnnl_primitive_destroy(e->conv);
  if (e->filter_reorder) dnnl_primitive_destroy(e->filter_reorder);
  if (e->filter_user) dnnl_memory_destroy(e->filter_user);
  if (e->filter_prim) dnnl_memory_destroy(e->filter_prim);
  if (e->act_in) dnnl_memory_destroy(e->act_in);
  if (e->act_out) dnnl_memory_destroy(e->act_out);
  memset(e, 0, sizeof *e);
}

/* The primitive descriptor of `kind` at `g` (NULL if oneDNN refuses it or has only its reference code). */
static dnnl_primitive_desc_t describe(conv_kind kind, const conv_geometry *g, const dnnl_memory_desc_t *x_md,
                                      const dnnl_memory_desc_t *w_any_md, const dnnl_memory_desc_t *y_md) {
  dnnl_dims_t strides = {g->sh, g->sw};
  dnnl_dims_t dilates = {g->dh - 1, g->dw - 1};
  dnnl_dims_t pad_l = {g->pad_top, g->pad_left};
  /* Bottom/right padding as the output size implies (negative: rows no output reads). */
  dnnl_dims_t pad_r = {(g->oh - 1) * g->sh + (g->fh - 1) * g->dh + 1 - g->h - g->pad_top,
                       (g->ow - 1) * g->sw + (g->fw - 1) * g->dw + 1 - g->w - g->pad_left};
  dnnl_convolution_desc_t fwd_d, d;
  dnnl_primitive_desc_t fwd_pd = NULL, pd = NULL;
  if (dnnl_dilated_convolution_forward_desc_init(&fwd_d, dnnl_forward_training, dnnl_convolution_direct, x_md,
                                                 w_any_md, NULL, y_md, strides, dilates, pad_l,
                                                 pad_r) != dnnl_success ||
      dnnl_primitive_desc_create(&fwd_pd, &fwd_d, NULL, engine, NULL) != dnnl_success)
    return NULL;
  if (kind == CONV_FORWARD) {
    pd = fwd_pd;
    fwd_pd = NULL;
  } else if (kind == CONV_BACKWARD_DATA) {
    if (dnnl_dilated_convolution_backward_data_desc_init(&d, dnnl_convolution_direct, x_md, w_any_md, y_md,
                                                         strides, dilates, pad_l, pad_r) != dnnl_success ||
        dnnl_primitive_desc_create(&pd, &d, NULL, engine, fwd_pd) != dnnl_success)
      pd = NULL;
  } else {
    if (dnnl_dilated_convolution_backward_weights_desc_init(&d, dnnl_convolution_direct, x_md, w_any_md, NULL, y_md,
                                                            strides, dilates, pad_l, pad_r) != dnnl_success ||
        dnnl_primitive_desc_create(&pd, &d, NULL, engine, fwd_pd) != dnnl_success)
      pd = NULL;
  }
  if (fwd_pd) dnnl_primitive_desc_destroy(fwd_pd);
  if (pd == NULL) return NULL;
  /* The reference implementation is far slower than im2col + sgemm. */
  const char *impl = NULL;
  dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
  if (impl != NULL && strstr(impl, "ref") != NULL) {
    dnnl_primitive_desc_destroy(pd);
    return NULL;
  }
  return pd;
}

/* Creates the primitive and memories of `kind` at `g` into `e`; 0 if oneDNN refuses it. */
static int create(cached_conv *e, conv_kind kind, const conv_geometry *g) {
  dnnl_memory_desc_t x_md, y_md, w_user_md, w_any_md;
  dnnl_dims_t x_dims = {g->n, g->c, g->h, g->w};
  dnnl_dims_t y_dims = {g->n, g->o, g->oh, g->ow};
  dnnl_dims_t w_dims = {g->o, g->c, g->fh, g->fw};
  if (dnnl_memory_desc_init_by_tag(&x_md, 4, x_dims, dnnl_f32, dnnl_nhwc) != dnnl_success ||
      dnnl_memory_desc_init_by_tag(&y_md, 4, y_dims, dnnl_f32, dnnl_nhwc) != dnnl_success ||
      dnnl_memory_desc_init_by_tag(&w_user_md, 4, w_dims, dnnl_f32, dnnl_hwio) != dnnl_success ||
      dnnl_memory_desc_init_by_tag(&w_any_md, 4, w_dims, dnnl_f32, dnnl_format_tag_any) != dnnl_success)
    return 0;
  dnnl_primitive_desc_t pd = describe(kind, g, &x_md, &w_any_md, &y_md);
  if (pd == NULL) return 0;
  const dnnl_memory_desc_t *w_prim_md = dnnl_primitive_desc_query_md(
      pd, kind == CONV_BACKWARD_WEIGHTS ? dnnl_query_diff_weights_md : dnnl_query_weights_md, 0);
  e->kind = kind;
  e->g = *g;
  int ok = dnnl_primitive_create(&e->conv, pd) == dnnl_success &&
           dnnl_memory_create(&e->filter_user, &w_user_md, engine, DNNL_MEMORY_NONE) == dnnl_success &&
           dnnl_memory_create(&e->act_in, kind == CONV_BACKWARD_DATA ? &y_md : &x_md, engine, DNNL_MEMORY_NONE) ==
               dnnl_success &&
           dnnl_memory_create(&e->act_out, kind == CONV_BACKWARD_DATA ? &x_md : &y_md, engine, DNNL_MEMORY_NONE) ==
               dnnl_success;
  if (ok && !dnnl_memory_desc_equal(w_prim_md, &w_user_md)) {
    dnnl_primitive_desc_t rpd = NULL;
    ok = dnnl_memory_create(&e->filter_prim, w_prim_md, engine, DNNL_MEMORY_ALLOCATE) == dnnl_success &&
         (kind == CONV_BACKWARD_WEIGHTS
              ? dnnl_reorder_primitive_desc_create(&rpd, w_prim_md, engine, &w_user_md, engine, NULL)
              : dnnl_reorder_primitive_desc_create(&rpd, &w_user_md, engine, w_prim_md, engine, NULL)) ==
             dnnl_success &&
         dnnl_primitive_create(&e->filter_reorder, rpd) == dnnl_success;
    if (rpd) dnnl_primitive_desc_destroy(rpd);
  }
  dnnl_primitive_desc_destroy(pd);
  if (!ok) {
    release(e);
    return 0;
  }
  e->used = 1;
  return 1;
}

static cached_conv *lookup(conv_kind kind, const conv_geometry *g) {
  for (int i = 0; i < CACHE_SIZE; i++) {
    if (cache[i].used && cache[i].kind == kind && memcmp(&cache[i].g, g, sizeof *g) == 0) return &cache[i];
  }
  cached_conv *e = &cache[next_slot];
  next_slot = (next_slot + 1) % CACHE_SIZE;
  if (e->used) release(e);
  return create(e, kind, g) ? e : NULL;
}

static int run(dnnl_primitive_t p, int n, const dnnl_exec_arg_t *args) {
  return dnnl_primitive_execute(p, stream, n, args) == dnnl_success && dnnl_stream_wait(stream) == dnnl_success;
}

int onednn_conv(conv_kind kind, const conv_geometry *g, const float *a, const float *b, float *out) {
  if (!onednn_active()) return 0;
  /*
   * oneDNN's backward-data kernels vectorize over the input channels: with fewer than 4 (an
   * image generator's last layer) col2im + sgemm is faster (measured: 64×28×28×1 ← 4×4 stride 2,
   * 0.91 ms vs 0.55 ms). A fixed rule, not a timing race, so that results are reproducible.
   */
  if (kind == CONV_BACKWARD_DATA && g->c < 4) return 0;
  cached_conv *e = lookup(kind, g);
  if (e == NULL) return 0;
  /* The filter is an input (b) of the forward and backward-data kernels, the output of backward weights. */
  float *filter = kind == CONV_BACKWARD_WEIGHTS ? out : (float *)b;
  if (dnnl_memory_set_data_handle(e->filter_user, filter) != dnnl_success) return 0;
  dnnl_memory_t filter_mem = e->filter_prim != NULL ? e->filter_prim : e->filter_user;
  if (kind != CONV_BACKWARD_WEIGHTS && e->filter_reorder != NULL) {
    dnnl_exec_arg_t r[2] = {{DNNL_ARG_FROM, e->filter_user}, {DNNL_ARG_TO, e->filter_prim}};
    if (!run(e->filter_reorder, 2, r)) return 0;
  }
  /* act_in: x (forward, backward weights) or dy (backward data); act_out: y, dx, or dy (backward weights). */
  void *in = (void *)a;
  void *second = kind == CONV_BACKWARD_WEIGHTS ? (void *)b : (void *)out;
  if (dnnl_memory_set_data_handle(e->act_in, in) != dnnl_success ||
      dnnl_memory_set_data_handle(e->act_out, second) != dnnl_success)
    return 0;
  if (kind == CONV_FORWARD) {
    dnnl_exec_arg_t args[3] = {{DNNL_ARG_SRC, e->act_in}, {DNNL_ARG_WEIGHTS, filter_mem}, {DNNL_ARG_DST, e->act_out}};
    return run(e->conv, 3, args);
  }
  if (kind == CONV_BACKWARD_DATA) {
    dnnl_exec_arg_t args[3] = {
        {DNNL_ARG_DIFF_DST, e->act_in}, {DNNL_ARG_WEIGHTS, filter_mem}, {DNNL_ARG_DIFF_SRC, e->act_out}};
    return run(e->conv, 3, args);
  }
  dnnl_exec_arg_t args[3] = {
      {DNNL_ARG_SRC, e->act_in}, {DNNL_ARG_DIFF_DST, e->act_out}, {DNNL_ARG_DIFF_WEIGHTS, filter_mem}};
  if (!run(e->conv, 3, args)) return 0;
  if (e->filter_reorder != NULL) {
    dnnl_exec_arg_t r[2] = {{DNNL_ARG_FROM, e->filter_prim}, {DNNL_ARG_TO, e->filter_user}};
    if (!run(e->filter_reorder, 2, r)) return 0;
  }
  return 1;
}

#endif

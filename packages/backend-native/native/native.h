/* @ganforge/backend-native: what gemm.c (the Node-API entry points) and onednn.c share. */
#ifndef GANFORGE_NATIVE_H
#define GANFORGE_NATIVE_H
#include <stdint.h>

/* NHWC input n×h×w×c, HWIO filter fh×fw×c×o, NHWC output n×oh×ow×o; dilations ≥ 1 (tfjs' convention). */
typedef struct {
  int64_t n, h, w, c, fh, fw, o, oh, ow, sh, sw, dh, dw, pad_top, pad_left;
} conv_geometry;

/* What a convolution call computes. */
typedef enum {
  CONV_FORWARD = 0,         /* (x, W) -> y */
  CONV_BACKWARD_DATA = 1,   /* (dy, W) -> dx */
  CONV_BACKWARD_WEIGHTS = 2 /* (x, dy) -> dW */
} conv_kind;

/*
 * oneDNN (onednn.c, compiled in when libdnnl-dev is present at build time). Every function
 * answers 0 when oneDNN is not built in, switched off (onednn_enable(0) or
 * GANFORGE_NATIVE_ONEDNN=0), or refuses the problem; callers then use OpenBLAS.
 */
/* Whether oneDNN is built in and switched on. */
int onednn_active(void);
/* Switches oneDNN on (1) or off (0, everything on OpenBLAS); returns whether it is active. */
int onednn_enable(int on);
/* Row-major C = op(A)·op(B) + beta·C with oneDNN's sgemm. */
int onednn_gemm(int trans_a, int trans_b, int m, int n, int k, const float *a, int lda, const float *b, int ldb,
                float beta, float *c, int ldc);
/* A convolution with a oneDNN primitive (cached per kind and geometry). */
int onednn_conv(conv_kind kind, const conv_geometry *g, const float *a, const float *b, float *out);
/* "oneDNN 2.6.3" or why it is not used. */
const char *onednn_info(void);
/* Sets (n ≥ 1) and returns oneDNN's OpenMP thread count; 0 without oneDNN. */
int onednn_threads(int n);

#endif

{
  "variables": {
    "use_dnnl%": "<!(node -p \"process.env.GANFORGE_NATIVE_DNNL === '1' ? 1 : 0\")"
  },
  "targets": [
    {
      "target_name": "ganforge_native",
      "sources": ["native/gemm.c", "native/onednn.c"],
      "include_dirs": [
        "/usr/include/x86_64-linux-gnu/openblas-pthread",
        "/usr/include/aarch64-linux-gnu/openblas-pthread",
        "/usr/include/openblas"
      ],
      "libraries": ["-lopenblas"],
      "cflags": ["-O3", "-std=c11"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O3"] },
      "conditions": [
        ["use_dnnl==1", {
          "defines": ["GANFORGE_DNNL"],
          "libraries": ["-ldnnl", "-fopenmp"],
          "cflags": ["-fopenmp"]
        }]
      ]
    }
  ]
}

#!/usr/bin/python3
"""Reference timing: GANForge's DCGAN MNIST step (bench/dcgan) in PyTorch on this machine's CPU.

The same networks as `@ganforge/models`' `dcgan` generator and discriminator at width 32 on
28×28×1 images (latent 100, batch 64, non-saturating loss, Adam 2e-4 β 0.5/0.999), so that
`npm run bench:dcgan -- --torch` can print the two side by side:

  G: Linear(100 → 7·7·64, no bias) → BatchNorm → ReLU
     → ConvTranspose(64 → 32, k 4, s 2, p 1, no bias) → BatchNorm → ReLU
     → ConvTranspose(32 → 1, k 4, s 2, p 1) → tanh
  D: Conv(1 → 32, k 4, s 2, p 1) → LeakyReLU 0.2 → Conv(32 → 64, k 4, s 2, p 1) → LeakyReLU 0.2
     → Linear(7·7·64 → 1)

Data is a fixed random batch in [-1, 1] (the timing does not depend on pixel values). PyTorch
keeps NCHW; GANForge NHWC: each framework its natural layout.

Setup (Debian): apt-get install -y python3-torch libopenblas0-pthread libopenblas-dev
Run: /usr/bin/python3 bench/dcgan/torch_dcgan.py [--steps 50] [--warmup 5] [--threads 2] [--width 32] [--batch 64]
Prints one JSON line: {"framework": "pytorch", "bench": "dcgan", "steps_per_s": ..., "ms_per_step": ...}
"""
import argparse
import json
import time

import torch
from torch import nn


def generator(latent, width):
    c0 = width * 2
    return nn.Sequential(
        nn.Linear(latent, 7 * 7 * c0, bias=False),
        nn.Unflatten(1, (c0, 7, 7)),
        nn.BatchNorm2d(c0, momentum=0.1, eps=1e-5),
        nn.ReLU(),
        nn.ConvTranspose2d(c0, width, 4, 2, 1, bias=False),
        nn.BatchNorm2d(width, momentum=0.1, eps=1e-5),
        nn.ReLU(),
        nn.ConvTranspose2d(width, 1, 4, 2, 1),
        nn.Tanh(),
    )


def discriminator(width):
    return nn.Sequential(
        nn.Conv2d(1, width, 4, 2, 1),
        nn.LeakyReLU(0.2),
        nn.Conv2d(width, width * 2, 4, 2, 1),
        nn.LeakyReLU(0.2),
        nn.Flatten(),
        nn.Linear(7 * 7 * width * 2, 1),
    )


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--width", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    latent = 100
    g = generator(latent, a.width)
    d = discriminator(a.width)
    for m in list(g.modules()) + list(d.modules()):
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0.0, 0.02)
    og = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    real = torch.rand(a.batch, 1, 28, 28) * 2 - 1
    ones = torch.ones(a.batch, 1)
    zeros = torch.zeros(a.batch, 1)

    def step():
        z = torch.randn(a.batch, latent)
        fake = g(z)
        od.zero_grad()
        ld = bce(d(real), ones) + bce(d(fake.detach()), zeros)
        ld.backward()
        od.step()
        og.zero_grad()
        lg = bce(d(fake), ones)  # non-saturating generator loss
        lg.backward()
        og.step()
        return ld.item(), lg.item()

    for _ in range(a.warmup):
        step()
    t = time.perf_counter()
    for _ in range(a.steps):
        losses = step()
    dt = time.perf_counter() - t
    print(json.dumps({"framework": "pytorch", "bench": "dcgan", "torch": torch.__version__,
                      "threads": a.threads, "width": a.width, "batch": a.batch, "steps": a.steps,
                      "steps_per_s": round(a.steps / dt, 3), "ms_per_step": round(1000 * dt / a.steps, 1),
                      "d_loss": round(losses[0], 4), "g_loss": round(losses[1], 4)}))


if __name__ == "__main__":
    main()

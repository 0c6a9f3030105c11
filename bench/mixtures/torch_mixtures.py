#!/usr/bin/python3
"""Same-net PyTorch twins of bench/mixtures' variants (issue #31).

The twin runs the algorithm GANForge's default trainer runs (Goodfellow et al. 2014, Algorithm 1),
on the same data, nets, optimizer and batch, so a table row and its twin differ only in the
framework:
- data: a mixture of isotropic Gaussians drawn afresh for every batch (ring: 8 on a circle of
  radius 1, σ 0.01; grid: 25 at {-4, -2, 0, 2, 4}², σ 0.05), as @ganforge/data's sampler does;
- G: latent → hidden… → 2, ReLU, linear output; D: 2 → hidden… → 1, ReLU; nn.Linear's default
  initialization (GANForge's `fan-in-uniform`);
- per generator step: `d_steps` discriminator updates, each on a fresh real batch and fresh noise,
  then one generator update on fresh noise (batch rows each);
- non-saturating: BCE on logits, D loss = mean BCE(real, 1) + mean BCE(fake, 0),
  G loss = mean softplus(−D(G(z)));
- `--packing m` (PacGAN, Lin et al. 2018): D scores packs of m consecutive samples
  concatenated ([n, 2] → [n/m, 2m]), as @ganforge/plugin-pacgan's `pacgan` wrapper does;
- wgan-gp: critic loss = mean D(fake) − mean D(real) + λ·mean((‖∇D(x̂)‖₂ − 1)²),
  x̂ = ε·x + (1 − ε)·G(z), ε ~ U[0, 1] per sample; G loss = −mean D(G(z)).
- Adam with ε = 1e-8 (PyTorch's default, GANForge's too).

Setup (Debian packages; PyPI is not reachable here):
  apt-get install -y python3-torch libopenblas0-pthread libopenblas-dev
Run (Debian's python):
  /usr/bin/python3 bench/mixtures/torch_mixtures.py --variant non-saturating --dataset ring --seed 1
Prints one JSON line: {"framework": "pytorch", ..., "seconds": s, "samples": [x0, y0, x1, y1, …]};
bench/mixtures/main.ts scores the samples with the same metric as its own rows.

With --fixture PATH it instead writes one step of each variant on tiny nets (weights, batches,
noise, interpolation ε, gradients and the parameters after one Adam step) as JSON, for the
one-step comparison test in integration/src/mixtures.
"""
import argparse
import json
import math
import time

import torch
from torch import nn


def modes_of(dataset):
    if dataset == "ring":
        return [[math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)] for k in range(8)], 0.01
    if dataset == "grid":
        return [[x, y] for x in (-4, -2, 0, 2, 4) for y in (-4, -2, 0, 2, 4)], 0.05
    raise SystemExit(f"unknown dataset {dataset!r}: expected ring or grid")


def sampler(dataset, generator):
    centres, sigma = modes_of(dataset)
    centres = torch.tensor(centres, dtype=torch.float32)

    def draw(n):
        k = torch.randint(len(centres), (n,), generator=generator)
        return centres[k] + sigma * torch.randn(n, 2, generator=generator)

    return draw


def mlp(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class Packed(nn.Module):
    """PacGAN: the inner D scores packs of m consecutive samples, [n, d] → [n/m, m·d]."""

    def __init__(self, inner, m):
        super().__init__()
        self.inner, self.m = inner, m

    def forward(self, x):
        return self.inner(x.reshape(x.shape[0] // self.m, -1))


def discriminator_loss(variant, d, real, fake, gp_lambda, eps):
    if variant == "non-saturating":
        bce = nn.functional.binary_cross_entropy_with_logits
        lr_, lf = d(real), d(fake)
        return bce(lr_, torch.ones_like(lr_)) + bce(lf, torch.zeros_like(lf))
    loss = d(fake).mean() - d(real).mean()
    x_hat = (eps * real + (1 - eps) * fake).requires_grad_(True)
    (grad,) = torch.autograd.grad(d(x_hat).sum(), x_hat, create_graph=True)
    norms = torch.sqrt((grad**2).sum(dim=1) + 1e-12)
    return loss + gp_lambda * ((norms - 1) ** 2).mean()


def generator_loss(variant, d, fake):
    if variant == "non-saturating":
        return nn.functional.softplus(-d(fake)).mean()
    return -d(fake).mean()


def train(a):
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    gen = torch.Generator().manual_seed(10_000 + a.seed)
    hidden = [int(h) for h in a.hidden.split(",")]
    g = mlp([a.latent, *hidden, 2])
    d = mlp([2 * a.packing, *hidden, 1])
    if a.packing > 1:
        d = Packed(d, a.packing)
    og = torch.optim.Adam(g.parameters(), lr=a.lr, betas=(a.beta1, a.beta2), eps=1e-8)
    od = torch.optim.Adam(d.parameters(), lr=a.lr, betas=(a.beta1, a.beta2), eps=1e-8)
    draw = sampler(a.dataset, gen)
    started = time.perf_counter()
    for _ in range(a.steps):
        for _ in range(a.d_steps):
            real = draw(a.batch)
            with torch.no_grad():
                fake = g(torch.randn(a.batch, a.latent))
            eps = torch.rand(a.batch, 1)
            od.zero_grad()
            discriminator_loss(a.variant, d, real, fake, a.gp_lambda, eps).backward()
            od.step()
        og.zero_grad()
        generator_loss(a.variant, d, g(torch.randn(a.batch, a.latent))).backward()
        og.step()
    seconds = time.perf_counter() - started
    with torch.no_grad():
        samples = g(torch.randn(a.samples, a.latent)).reshape(-1).tolist()
    print(
        json.dumps(
            {
                "framework": "pytorch",
                "torch": torch.__version__,
                "variant": a.variant,
                "dataset": a.dataset,
                "seed": a.seed,
                "steps": a.steps,
                "seconds": round(seconds, 1),
                "samples": [round(v, 6) for v in samples],
            }
        )
    )


def tensors(module):
    return {name: p.detach().tolist() for name, p in module.named_parameters()}


def fixture(path):
    """One generator step of each variant on G 2→8→8→2, D 2→8→8→1, batch 16, Adam (1e-3, 0.5, 0.999)."""
    torch.manual_seed(0)
    out = {"torch": torch.__version__, "latent": 2, "hidden": [8, 8], "batch": 16,
           "adam": {"lr": 1e-3, "beta1": 0.5, "beta2": 0.999, "epsilon": 1e-8}, "cases": {}}
    for variant in ("non-saturating", "wgan-gp"):
        g = mlp([2, 8, 8, 2])
        d = mlp([2, 8, 8, 1])
        case = {"g_init": tensors(g), "d_init": tensors(d)}
        draw = sampler("ring", torch.Generator().manual_seed(1))
        real = draw(16)
        z_d = torch.randn(16, 2)
        eps = torch.rand(16, 1)
        z_g = torch.randn(16, 2)
        case.update(real=real.tolist(), z_d=z_d.tolist(), eps=eps.tolist(), z_g=z_g.tolist())
        od = torch.optim.Adam(d.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)
        og = torch.optim.Adam(g.parameters(), lr=1e-3, betas=(0.5, 0.999), eps=1e-8)
        with torch.no_grad():
            fake = g(z_d)
        ld = discriminator_loss(variant, d, real, fake, 0.1, eps)
        od.zero_grad()
        ld.backward()
        case["d_loss"] = ld.item()
        case["d_grads"] = {n: p.grad.tolist() for n, p in d.named_parameters()}
        od.step()
        case["d_after"] = tensors(d)
        lg = generator_loss(variant, d, g(z_g))
        og.zero_grad()
        lg.backward()
        case["g_loss"] = lg.item()
        case["g_grads"] = {n: p.grad.tolist() for n, p in g.named_parameters()}
        og.step()
        case["g_after"] = tensors(g)
        out["cases"][variant] = case
    with open(path, "w") as f:
        json.dump(out, f)
        f.write("\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--variant", choices=["non-saturating", "wgan-gp"], default="non-saturating")
    p.add_argument("--dataset", choices=["ring", "grid"], default="ring")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--steps", type=int, default=10_000)
    p.add_argument("--batch", type=int, default=512)
    p.add_argument("--latent", type=int, default=2)
    p.add_argument("--hidden", default="128,128")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--beta1", type=float, default=0.5)
    p.add_argument("--beta2", type=float, default=0.999)
    p.add_argument("--d-steps", type=int, default=1)
    p.add_argument("--gp-lambda", type=float, default=0.1)
    p.add_argument("--packing", type=int, default=1, help="PacGAN packing m (1: no packing)")
    p.add_argument("--samples", type=int, default=2500)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--fixture", help="write the one-step fixture to this path instead of training")
    a = p.parse_args()
    if a.fixture:
        fixture(a.fixture)
    else:
        train(a)


if __name__ == "__main__":
    main()

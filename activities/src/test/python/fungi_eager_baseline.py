#!/usr/bin/python3
"""PyTorch eager baseline of repflow's FUNGI gradient features, for FungiThroughputBenchmarkTest.

The same per-sample-gradient method as repflow, written directly in PyTorch (eager mode, 2 threads):
per batch of 64 images, the objective's views go through the backbone's front without autograd, the
gradient layer's output z becomes a leaf, the summed per-sample losses are differentiated once, and
each sample's weight+bias gradient sum_v dz_v [h_v, 1]^T is projected (dense: formed and multiplied
by a +-1/sqrt(P) matrix; sketch: repflow's kronecker + count-sketch map, never formed).

Models mirror repflow's built-in ones: the CNN (conv 32 and 64 channels, fc 3136 -> 128, the fc
layer's gradient) and the small ViT (16 patches of 7x7 + one-hot positions, 2 pre-norm blocks of
width 64 with 4 heads, MLP 128, mean-pooled; the last attention output projection's gradient).
Objectives as repflow computes them (fungivision's): KL (1 view), DINO (2 global + 10 local
RandomResizedCrop views, bicubic), SimCLR (64 overlapping 14x14 patches resized to 28x28, 64
negative images).

With --tuned it also does what repflow does since 2026-12-02, so the two differ only in how they
run, not in what they compute: the front in passes of at most 256 views (4,096 patch views in one
pass make activations of hundreds of MB that are page-faulted in afresh every batch), and the dense
projection of one-view gradients as sum_o dz_o (h^T R_o), without forming G.

  --export DIR   traces the CNN's front/layer/tail to DIR (tools/fungi_export.py) for repflow
  --bench ...    times one model x objective x scheme on images from a raw float32 file
  --tuned        the two changes above
Prints one JSON object per --bench: images, seconds (setup included), peak RSS.
"""
import argparse
import json
import math
import os
import random
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "tools"))
from fungi_export import export_parts  # noqa: E402
from peak_rss import peak_rss_mib  # noqa: E402

BATCH = 64


def cnn_parts():
    torch.manual_seed(0)
    front = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten())
    return front, nn.Linear(64 * 49, 128), nn.ReLU()


class VitFront(nn.Module):
    """Everything before block 2's attention output projection: (heads [N, 16, D], residual)."""

    def __init__(self, d=64, hidden=128):
        super().__init__()
        self.embed = nn.Linear(49 + 16, d)
        self.ln1, self.qkv1, self.proj1 = nn.LayerNorm(d), nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.mlp1 = Mlp(d, hidden)
        self.ln2, self.qkv2 = nn.LayerNorm(d), nn.Linear(d, 3 * d)
        self.d = d

    def attend(self, x, ln, qkv):
        n, t, _ = x.shape
        q, k, v = qkv(ln(x)).reshape(n, t, 3, 4, self.d // 4).permute(2, 0, 3, 1, 4)
        w = (q @ k.transpose(-1, -2) / math.sqrt(self.d // 4)).softmax(-1)
        return (w @ v).transpose(1, 2).reshape(n, t, self.d)

    def forward(self, images):
        n = images.shape[0]
        patches = images.reshape(n, 4, 7, 4, 7).permute(0, 1, 3, 2, 4).reshape(n, 16, 49)
        x = self.embed(torch.cat([patches, torch.eye(16).expand(n, 16, 16)], 2))
        x = self.mlp1(x + self.proj1(self.attend(x, self.ln1, self.qkv1)))
        return self.attend(x, self.ln2, self.qkv2), x


class Mlp(nn.Module):
    def __init__(self, d, hidden):
        super().__init__()
        self.ln, self.fc1, self.fc2 = nn.LayerNorm(d), nn.Linear(d, hidden), nn.Linear(hidden, d)

    def forward(self, x):
        return x + self.fc2(F.gelu(self.fc1(self.ln(x))))


class VitTail(nn.Module):
    def __init__(self, d=64, hidden=128):
        super().__init__()
        self.mlp2, self.norm = Mlp(d, hidden), nn.LayerNorm(d)

    def forward(self, z, residual):
        return self.norm(self.mlp2(z + residual)).mean(1)


def vit_parts():
    torch.manual_seed(0)
    return VitFront(), nn.Linear(64, 64), VitTail()


def head(d, out, seed):
    g = torch.Generator().manual_seed(seed)
    bound = 1 / math.sqrt(d)
    return ((torch.rand(d, out, generator=g) * 2 - 1) * bound,
            (torch.rand(out, generator=g) * 2 - 1) * bound)


def unit(x):
    return x / x.norm(dim=-1, keepdim=True).clamp_min(1e-12)


def resized_crop(image, top, left, h, w):
    return F.interpolate(image[None, None, top:top + h, left:left + w], size=(28, 28),
                         mode="bicubic", align_corners=False)[0]


def random_box(rng, lo, hi):
    for _ in range(10):
        target = 784 * rng.uniform(lo, hi)
        ratio = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        w, h = round(math.sqrt(target * ratio)), round(math.sqrt(target / ratio))
        if 0 < w <= 28 and 0 < h <= 28:
            return rng.randint(0, 28 - h), rng.randint(0, 28 - w), h, w
    return 0, 0, 28, 28


def patches(images):
    """[B, 28, 28] -> [B * 64, 1, 28, 28]: 14x14 patches at stride 2, resized."""
    p = images.unfold(1, 14, 2).unfold(2, 14, 2).reshape(-1, 1, 14, 14)
    return F.interpolate(p, size=(28, 28), mode="bicubic", align_corners=False)


class Objective:
    def __init__(self, name, d, embed_negatives):
        self.name = name
        if name == "kl":
            self.views, self.head = 1, head(d, 768, 42)
        elif name == "dino":
            self.views, self.student, self.teacher = 12, head(d, 2048, 42), head(d, 2048, 43)
        else:
            self.views, self.head = 64, head(d, 96, 42)
            self.negatives = unit(embed_negatives() @ self.head[0] + self.head[1])
        self.rng = random.Random(42)

    def make_views(self, images):
        if self.name == "kl":
            return images[:, None]
        if self.name == "simclr":
            return patches(images)
        out = []
        for image in images:
            for v in range(12):
                lo, hi = (0.25, 1.0) if v < 2 else (0.05, 0.25)
                out.append(resized_crop(image, *random_box(self.rng, lo, hi)))
        return torch.stack(out)

    def loss(self, e):  # e [B, V, D] -> [B]
        if self.name == "kl":
            w, b = self.head
            logp = ((unit(e[:, 0]) @ w + b) / 1.0).log_softmax(-1)
            return -(logp.mean(-1) + math.log(w.shape[1]))
        if self.name == "dino":
            u = unit(e)
            with torch.no_grad():
                t = ((u[:, :2] @ self.teacher[0] + self.teacher[1]) / 0.07).softmax(-1)
            s = ((u @ self.student[0] + self.student[1]) / 0.1).log_softmax(-1)
            return -(t.sum(1) * s.sum(1)).sum(-1)
        u = unit(e @ self.head[0] + self.head[1])
        p = u.shape[1]
        eye = torch.eye(p)
        own = (u @ u.transpose(1, 2)) * (1 - eye)
        positive = own.sum(2) / (0.07 * (p - 1))
        candidates = torch.cat([u @ self.negatives.T, own + eye * -10e3], 2)
        return (torch.logsumexp(candidates, 2) - positive).mean(1)


def signs(g, rows, cols, scale):
    return (torch.randint(0, 2, (rows, cols), generator=g).float() * 2 - 1) * scale


class Projection:
    def __init__(self, scheme, out, inp, p):
        g = torch.Generator().manual_seed(42)
        self.scheme, self.p = scheme, p
        if scheme == "dense":
            self.r = signs(g, out * inp, p, 1 / math.sqrt(p))
            return
        a, b = min(out, 256), min(inp, 65536 // min(out, 256))
        self.r_out = signs(g, out, a, 1 / math.sqrt(a)) if a < out else None
        self.r_in = signs(g, inp, b, 1 / math.sqrt(b)) if b < inp else None
        self.size = (a * b + p - 1) // p * p
        self.pad = self.size - a * b
        self.perm = torch.randperm(self.size, generator=g)
        self.sign = signs(g, 1, self.size, 1)[0]

    def __call__(self, dz, h, tuned=False):  # dz [B, V, out], h [B, V, in + 1]
        if self.scheme == "dense" and tuned and dz.shape[1] == 1:
            n, out, inp = dz.shape[0], dz.shape[2], h.shape[2]
            per_output = torch.bmm(h.reshape(1, n, inp).expand(out, n, inp),
                                   self.r.view(out, inp, self.p))  # [out, B, P]
            return torch.bmm(dz, per_output.transpose(0, 1)).reshape(n, self.p)
        if self.scheme == "dense":
            return (dz.transpose(1, 2) @ h).flatten(1) @ self.r
        left = dz @ self.r_out if self.r_out is not None else dz
        right = h @ self.r_in if self.r_in is not None else h
        values = F.pad((left.transpose(1, 2) @ right).flatten(1), (0, self.pad))
        return (values[:, self.perm] * self.sign).reshape(len(dz), self.p, -1).sum(2)


def in_passes(front, x, rows):
    """front(x) over slices of at most `rows` views, outputs concatenated."""
    outs = [front(part) for part in x.split(rows)]
    if isinstance(outs[0], tuple):
        return tuple(torch.cat(parts) for parts in zip(*outs))
    return torch.cat(outs)


def features(model, objective_name, scheme, images, pool, tuned=False):
    front, layer, tail = cnn_parts() if model == "cnn" else vit_parts()
    vit = model == "vit"
    for m in (front, layer, tail):
        m.eval().requires_grad_(False)

    def embed(x):
        with torch.no_grad():
            h = front(x)
            return tail(layer(h[0]), h[1]) if vit else tail(layer(h))

    objective = Objective(objective_name, layer.out_features,
                          lambda: torch.cat([embed(v) for v in patches(pool).split(512)]))
    project = Projection(scheme, layer.out_features, layer.in_features + 1, layer.out_features)
    out = []
    for start in range(0, len(images), BATCH):
        batch = images[start:start + BATCH]
        n = len(batch)
        x = objective.make_views(batch)
        with torch.no_grad():
            front_out = in_passes(front, x, 256) if tuned else front(x)
            h = front_out[0] if vit else front_out
            z = layer(h)
        z.requires_grad_(True)
        e = tail(z, front_out[1]) if vit else tail(z)
        loss = objective.loss(e.reshape(n, objective.views, -1)).sum()
        (dz,) = torch.autograd.grad(loss, z)
        h = h.reshape(n, -1, h.shape[-1])
        hb = torch.cat([h, torch.ones(*h.shape[:2], 1)], 2)
        out.append(project(dz.reshape(n, -1, dz.shape[-1]), hb, tuned))
    return torch.cat(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--export")
    parser.add_argument("--bench", nargs=3, metavar=("MODEL", "OBJECTIVE", "SCHEME"))
    parser.add_argument("--images", help="raw float32 [N, 28, 28]")
    parser.add_argument("--pool", help="raw float32 [64, 28, 28]: SimCLR's negatives")
    parser.add_argument("--tuned", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(2)
    if args.export:
        front, layer, tail = cnn_parts()
        export_parts(front, layer, tail, torch.zeros(2, 1, 28, 28), args.export, "layer")
        return
    images = torch.from_numpy(__import__("numpy").fromfile(args.images, "<f4")).reshape(-1, 28, 28)
    pool = torch.from_numpy(__import__("numpy").fromfile(args.pool, "<f4")).reshape(-1, 28, 28)
    t = time.perf_counter()
    out = features(*args.bench, images, pool, args.tuned)
    seconds = time.perf_counter() - t
    print(json.dumps({"images": len(images), "seconds": seconds, "dim": out.shape[1],
                      "peak_rss_mib": peak_rss_mib()}))


if __name__ == "__main__":
    main()

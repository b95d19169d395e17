#!/usr/bin/python3
"""Write a small 32x32 RGB dataset in one of repflow's file formats, from real FashionMNIST images.

Each 28x28 grayscale FashionMNIST image is padded to 32x32 and tinted with a seeded random colour
(so the three channels differ and colour carries no class information), keeping FashionMNIST's
classes: a small, real, learnable stand-in for a user's own RGB data.

  imagefolder  OUT/train/<class>/<n>.png and OUT/test/<class>/<n>.png (--ext jpg for JPEG)
  cifar10      OUT/data_batch_1..5.bin and OUT/test_batch.bin (CIFAR-10 binary records)
  cifar100     OUT/train.bin and OUT/test.bin (CIFAR-100 binary records, coarse label = fine // 5)
  npy          OUT/{train,test}_images.npy uint8 [N, 32, 32, 3] and OUT/{train,test}_labels.npy

Runs with Debian's /usr/bin/python3 (numpy; Pillow for imagefolder) and the dataset-fashion-mnist
package (or --fashion-mnist DIR).
"""
import argparse
import gzip
import os

import numpy as np

NAMES = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag",
         "boot"]
FILES = {"train": "train-{}-idx{}-ubyte.gz", "test": "t10k-{}-idx{}-ubyte.gz"}


def fashion_mnist(folder, split):
    """Images [N, 28, 28] uint8 and labels [N] of one FashionMNIST split."""
    with gzip.open(os.path.join(folder, FILES[split].format("images", 3))) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(os.path.join(folder, FILES[split].format("labels", 1))) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return images, labels


def rgb_sample(folder, split, classes, per_class, seed):
    """The first per_class images of each class, as tinted 32x32 RGB [N, 32, 32, 3] + labels."""
    images, labels = fashion_mnist(folder, split)
    rows = np.concatenate([np.flatnonzero(labels == c)[:per_class] for c in range(classes)])
    rows.sort()
    gray = np.pad(images[rows], ((0, 0), (2, 2), (2, 2))).astype(np.float32)
    tint = np.random.default_rng(seed).uniform(0.3, 1.0, size=(len(rows), 1, 1, 3))
    return (gray[..., None] * tint).round().astype(np.uint8), labels[rows].astype(np.int64)


def write_imagefolder(out, split, images, labels, ext):
    from PIL import Image
    for n, (image, label) in enumerate(zip(images, labels)):
        folder = os.path.join(out, split, f"{label}-{NAMES[label]}")
        os.makedirs(folder, exist_ok=True)
        Image.fromarray(image).save(os.path.join(folder, f"{n:05d}.{ext}"), quality=95)


def cifar_records(images, labels, hundred):
    planes = images.transpose(0, 3, 1, 2).reshape(len(images), -1)
    label_columns = [labels // 5, labels] if hundred else [labels]
    return np.column_stack(label_columns + [planes]).astype(np.uint8)


def write_cifar(out, split, images, labels, hundred):
    records = cifar_records(images, labels, hundred)
    if hundred:
        records.tofile(os.path.join(out, f"{split}.bin"))
    elif split == "test":
        records.tofile(os.path.join(out, "test_batch.bin"))
    else:
        for b, part in enumerate(np.array_split(records, 5), start=1):
            part.tofile(os.path.join(out, f"data_batch_{b}.bin"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("format", choices=["imagefolder", "cifar10", "cifar100", "npy"])
    parser.add_argument("out")
    parser.add_argument("--classes", type=int, default=10, help="first N FashionMNIST classes")
    parser.add_argument("--train-per-class", type=int, default=50)
    parser.add_argument("--test-per-class", type=int, default=20)
    parser.add_argument("--ext", choices=["png", "jpg"], default="png")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fashion-mnist", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for offset, (split, per_class) in enumerate(
            [("train", args.train_per_class), ("test", args.test_per_class)]):
        images, labels = rgb_sample(args.fashion_mnist, split, args.classes, per_class,
                                    args.seed + offset)
        if args.format == "imagefolder":
            write_imagefolder(args.out, split, images, labels, args.ext)
        elif args.format == "npy":
            np.save(os.path.join(args.out, f"{split}_images.npy"), images)
            np.save(os.path.join(args.out, f"{split}_labels.npy"), labels)
        else:
            write_cifar(args.out, split, images, labels, args.format == "cifar100")


if __name__ == "__main__":
    main()

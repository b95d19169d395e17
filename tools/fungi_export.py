#!/usr/bin/python3
"""Export a backbone cut at one linear layer for repflow's FUNGI gradients.

DJL cannot hook a layer inside a TorchScript module, so repflow needs the model in three traced
parts: front (input -> the layer's input), the layer itself (an nn.Linear), and tail (the layer's
output -> the embedding). It loads them from one folder as front.pt, layer.pt and tail.pt.

Library use, for a model whose forward is a plain sequence of children (e.g. nn.Sequential):

    from fungi_export import export_sequential
    export_sequential(model, layer_index, example_input, "out_dir")

Models with residual connections around the layer (timm / torchvision ViTs) need a hand-written
front and tail; export_parts(front, layer, tail, example_input, out_dir) traces any three modules.

--demo OUT writes a small seeded CNN (28x28 grayscale in, 16-dim embedding out, layer = the last
hidden Linear) for tests. Runs with Debian's /usr/bin/python3 and python3-torch.
"""
import argparse
import os

import torch
from torch import nn


def export_parts(front, layer, tail, example, out_dir):
    """Traces the three parts on `example` ([B, ...] input) into out_dir/{front,layer,tail}.pt."""
    if not isinstance(layer, nn.Linear):
        raise SystemExit(f"the gradient layer must be an nn.Linear, got {type(layer).__name__}")
    os.makedirs(out_dir, exist_ok=True)
    with torch.no_grad():
        h = front(example)
        z = layer(h)
    torch.jit.trace(front.eval(), example).save(os.path.join(out_dir, "front.pt"))
    torch.jit.trace(layer.eval(), h).save(os.path.join(out_dir, "layer.pt"))
    torch.jit.trace(tail.eval(), z).save(os.path.join(out_dir, "tail.pt"))


def export_sequential(model, index, example, out_dir):
    """Cuts nn.Sequential `model` at child `index` (an nn.Linear) and exports the parts."""
    children = list(model.children())
    export_parts(
        nn.Sequential(*children[:index]),
        children[index],
        nn.Sequential(*children[index + 1:]),
        example,
        out_dir,
    )


def demo_model():
    torch.manual_seed(7)
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(4 * 14 * 14, 16), nn.ReLU())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--demo", metavar="OUT", required=True,
                        help="export the seeded demo CNN into OUT")
    args = parser.parse_args()
    export_sequential(demo_model(), 4, torch.rand(2, 1, 28, 28), args.demo)


if __name__ == "__main__":
    main()

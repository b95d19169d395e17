#!/usr/bin/python3
"""Export a backbone cut at one linear layer for repflow (FUNGI gradients, embeddings).

DJL cannot hook a layer inside a TorchScript module, so repflow takes the model in three traced
parts in one folder: front.pt (images [B, C, H, W] -> the layer's input h, and, when the layer sits
inside a residual block, the residual stream r as a second output), layer.pt (the nn.Linear) and
tail.pt (the layer's output z, plus r when front returns it -> embeddings [B, D]); parts.json
describes them (parts format 2: input shape, layer name and weight shape, embedding size, number of
front outputs, and the preprocessing the weights expect).

Presets (torchvision architectures; --weights loads a state dict, random init otherwise):
  vit_b_16  gradient layer: the last encoder block's attention output projection (768 x 768);
            front returns (concatenated attention heads, block input), tail adds the residual and
            runs the MLP half of the block, the final LayerNorm, and takes the class token (768).
  resnet50  gradient layer: the last bottleneck's 1x1 conv3 with its BatchNorm folded in, applied
            per position as a Linear (512 -> 2048); the tail adds the residual, ReLU, average-pools
            (2048).
  vit       a small torchvision VisionTransformer (sizes from --image-size/--patch-size/--layers/
            --heads/--hidden/--mlp), the vit_b_16 cut, for tests.
  demo      a small seeded CNN (28x28 grayscale in, 16-dim embedding out) for tests.

Library use: export_parts(front, layer, tail, example, out_dir, layer_name) traces any three
modules; export_sequential(model, index, example, out_dir) cuts an nn.Sequential at child index.
Runs with Debian's /usr/bin/python3, python3-torch and python3-torchvision.
"""
import argparse
import json
import os

import torch
from torch import nn
import torch.nn.functional as F

IMAGENET = {"resize": 256, "crop": 224, "mean": [0.485, 0.456, 0.406],
            "std": [0.229, 0.224, 0.225]}


def export_parts(front, layer, tail, example, out_dir, layer_name, preprocess=None):
    """Traces the parts on `example` [B, C, H, W] into out_dir and writes parts.json."""
    if not isinstance(layer, nn.Linear) or layer.bias is None:
        raise SystemExit(f"the gradient layer must be an nn.Linear with a bias, got {layer}")
    os.makedirs(out_dir, exist_ok=True)
    front, layer, tail = front.eval(), layer.eval(), tail.eval()
    with torch.no_grad():
        out = front(example)
        h, rest = (out[0], tuple(out[1:])) if isinstance(out, tuple) else (out, ())
        z = layer(h)
        embedding = tail(z, *rest)
    # No trace check: torch's attention takes another (equal) code path without gradients.
    for name, part, inputs in [("front", front, example), ("layer", layer, h),
                               ("tail", tail, (z, *rest))]:
        torch.jit.trace(part, inputs, check_trace=False).save(os.path.join(out_dir, name + ".pt"))
    manifest = {
        "format": 2,
        "input": list(example.shape[1:]),
        "layer": layer_name,
        "layer_shape": list(layer.weight.shape),
        "embedding_dim": embedding.shape[-1],
        "front_outputs": 1 + len(rest),
        "preprocess": preprocess,
    }
    with open(os.path.join(out_dir, "parts.json"), "w") as f:
        json.dump(manifest, f, indent=2)


class _Slice(nn.Module):
    def __init__(self, children):
        super().__init__()
        self.body = nn.Sequential(*children)

    def forward(self, z):
        return self.body(z)


def export_sequential(model, index, example, out_dir, preprocess=None):
    """Cuts nn.Sequential `model` at child `index` (an nn.Linear) and exports the parts."""
    children = list(model.children())
    export_parts(nn.Sequential(*children[:index]), children[index],
                 _Slice(children[index + 1:]), example, out_dir, str(index), preprocess)


class VitFront(nn.Module):
    """Images -> (last block's attention heads before out_proj [B, T, D], block input [B, T, D])."""

    def __init__(self, vit):
        super().__init__()
        self.vit = vit
        self.last = vit.encoder.layers[-1]

    def forward(self, x):
        x = self.vit._process_input(x)
        x = torch.cat([self.vit.class_token.expand(x.shape[0], -1, -1), x], dim=1)
        x = self.vit.encoder.dropout(x + self.vit.encoder.pos_embedding)
        for block in self.vit.encoder.layers[:-1]:
            x = block(x)
        attn = self.last.self_attention
        y = self.last.ln_1(x)
        q, k, v = F.linear(y, attn.in_proj_weight, attn.in_proj_bias).chunk(3, dim=-1)
        b, t, d = q.shape
        heads = attn.num_heads

        def split(a):
            return a.reshape(b, t, heads, d // heads).transpose(1, 2)

        weights = (split(q) @ split(k).transpose(-2, -1) / (d // heads) ** 0.5).softmax(dim=-1)
        h = (weights @ split(v)).transpose(1, 2).reshape(b, t, d)
        return h, x


class VitTail(nn.Module):
    """(out_proj output, block input) -> class token after the final LayerNorm, [B, D]."""

    def __init__(self, vit):
        super().__init__()
        self.last = vit.encoder.layers[-1]
        self.ln = vit.encoder.ln

    def forward(self, z, residual):
        x = z + residual
        x = x + self.last.mlp(self.last.ln_2(x))
        return self.ln(x)[:, 0]


def export_vit(vit, example, out_dir, preprocess):
    out_proj = vit.encoder.layers[-1].self_attention.out_proj
    layer = nn.Linear(out_proj.in_features, out_proj.out_features)
    layer.load_state_dict(out_proj.state_dict())
    name = f"encoder.layers.encoder_layer_{len(vit.encoder.layers) - 1}.self_attention.out_proj"
    export_parts(VitFront(vit), layer, VitTail(vit), example, out_dir, name, preprocess)


class ResNetFront(nn.Module):
    """Images -> (last bottleneck's conv2 output per position [B, HW, 512], its input)."""

    def __init__(self, net):
        super().__init__()
        self.net = net
        self.last = net.layer4[-1]

    def forward(self, x):
        n = self.net
        x = n.maxpool(n.relu(n.bn1(n.conv1(x))))
        x = n.layer3(n.layer2(n.layer1(x)))
        for block in n.layer4[:-1]:
            x = block(x)
        b = self.last
        y = b.relu(b.bn2(b.conv2(b.relu(b.bn1(b.conv1(x))))))
        return y.flatten(2).transpose(1, 2), x


class ResNetTail(nn.Module):
    """(conv3+bn3 output per position [B, HW, 2048], block input) -> pooled features [B, 2048]."""

    def forward(self, z, residual):
        z = z.transpose(1, 2).reshape(residual.shape)
        return F.relu(z + residual).mean(dim=(2, 3))


def folded_conv3(block):
    """The bottleneck's 1x1 conv3 and eval-mode bn3 as one Linear over channels."""
    bn = block.bn3
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    layer = nn.Linear(block.conv3.in_channels, block.conv3.out_channels)
    with torch.no_grad():
        layer.weight.copy_(block.conv3.weight[:, :, 0, 0] * scale[:, None])
        layer.bias.copy_(bn.bias - bn.running_mean * scale)
    return layer


def export_resnet(net, example, out_dir, preprocess):
    name = f"layer4.{len(net.layer4) - 1}.conv3+bn3"
    export_parts(ResNetFront(net), folded_conv3(net.layer4[-1]), ResNetTail(), example, out_dir,
                 name, preprocess)


def demo_model():
    torch.manual_seed(7)
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(4 * 14 * 14, 16), nn.ReLU())


def load_weights(model, path):
    if path:
        state = torch.load(path, map_location="cpu")
        model.load_state_dict(state.get("state_dict", state) if isinstance(state, dict) else state)
    return model.eval()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preset", choices=["vit_b_16", "resnet50", "vit", "demo"])
    parser.add_argument("--out", help="folder for the parts")
    parser.add_argument("--weights", help="state dict to load (random init otherwise)")
    parser.add_argument("--seed", type=int, default=0, help="seeds the random init")
    parser.add_argument("--demo", metavar="OUT", help="same as --preset demo --out OUT")
    for flag, default in [("image-size", 32), ("patch-size", 8), ("layers", 2), ("heads", 2),
                          ("hidden", 16), ("mlp", 32)]:
        parser.add_argument("--" + flag, type=int, default=default, help="preset vit only")
    args = parser.parse_args()
    preset, out = ("demo", args.demo) if args.demo else (args.preset, args.out)
    if not preset or not out:
        parser.error("give --preset and --out (or --demo OUT)")
    import torchvision.models as tvm
    torch.manual_seed(args.seed)
    if preset == "demo":
        export_sequential(demo_model(), 4, torch.rand(2, 1, 28, 28), out)
    elif preset == "vit_b_16":
        export_vit(load_weights(tvm.vit_b_16(), args.weights), torch.rand(2, 3, 224, 224), out,
                   IMAGENET)
    elif preset == "resnet50":
        export_resnet(load_weights(tvm.resnet50(), args.weights), torch.rand(2, 3, 224, 224), out,
                      IMAGENET)
    else:
        vit = tvm.VisionTransformer(args.image_size, args.patch_size, args.layers, args.heads,
                                    args.hidden, args.mlp)
        size = args.image_size
        export_vit(load_weights(vit, args.weights), torch.rand(2, 3, size, size), out, None)


if __name__ == "__main__":
    main()

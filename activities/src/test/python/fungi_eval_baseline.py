#!/usr/bin/python3
"""numpy / scikit-learn baseline of repflow's FUNGI evaluation, for EvaluationBenchmarkTest.

Reads the same HDF5 feature files as repflow (datasets `features` [N, D] float32 and `labels` [N])
and, per feature combination, does what a researcher's script would: L2-normalise each block and
concatenate, PCA (sklearn, fitted on train), kNN (sklearn KNeighborsClassifier, k=20, brute force),
retrieval mAP (numpy: squared distances, per-query sort), a linear probe (numpy: the same full-batch
Adam as repflow, float32, 300 steps) and nearest-class-mean few-shot (numpy, 1/5/10 shots, 5
episodes). Prints one JSON object: per combination the seconds of each stage and the results;
the process's peak RSS.

With --agree DIR it also reads repflow's PCA outputs and kNN predictions written there (untimed)
and reports how many of repflow's predictions sklearn's kNN reproduces on those same features, and
how far repflow's PCA is from sklearn's (float64 fit, up to each component's sign).
"""
import argparse
import json
import time

import h5py
import numpy as np
from sklearn.decomposition import PCA
from sklearn.neighbors import KNeighborsClassifier

from peak_rss import peak_rss_mib

K = 20
PCA_DIMS = 512
STEPS, LR, DECAY = 300, 0.05, 1e-4
SHOTS, EPISODES = (1, 5, 10), 5


def read(path):
    with h5py.File(path, "r") as f:
        return f["features"][...].astype(np.float32), f["labels"][...].astype(np.int64)


def assemble(blocks):
    normed = [b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-30) for b in blocks]
    return np.concatenate(normed, axis=1).astype(np.float32)


def retrieval_map(xp, yt, qp, yq):
    xp64, qp64 = xp.astype(np.float64), qp.astype(np.float64)
    xn = (xp64 ** 2).sum(1)
    aps = []
    for start in range(0, len(qp64), 512):
        q = qp64[start:start + 512]
        d = (q ** 2).sum(1)[:, None] - 2 * q @ xp64.T + xn[None]
        for i, row in enumerate(d):
            same = yt == yq[start + i]
            rel, other = np.sort(row[same]), np.sort(row[~same])
            ranks = np.arange(1, len(rel) + 1) + np.searchsorted(other, rel, "left")
            aps.append(np.mean(np.arange(1, len(rel) + 1) / ranks))
    return float(np.mean(aps))


def linear_probe(xp, yt, qp):
    classes = np.unique(yt)
    onehot = (yt[:, None] == classes[None]).astype(np.float32)
    n, d = xp.shape
    w, b = np.zeros((len(classes), d), np.float32), np.zeros(len(classes), np.float32)
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    for step in range(1, STEPS + 1):
        logits = xp @ w.T + b
        p = np.exp(logits - logits.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        diff = (p - onehot) / n
        grads = [diff.T @ xp + DECAY * w, diff.sum(0)]
        for i, (param, g) in enumerate(zip((w, b), grads)):
            m[i] = 0.9 * m[i] + 0.1 * g
            v[i] = 0.999 * v[i] + 0.001 * g * g
            param -= LR * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
    return classes[np.argmax(qp @ w.T + b, axis=1)]


def few_shot(xp, yt, qp, yq, seed=42):
    rng = np.random.default_rng(seed)
    classes = np.unique(yt)
    out = {}
    for shots in SHOTS:
        accs = []
        for _ in range(EPISODES):
            means = np.stack([xp[rng.choice(np.flatnonzero(yt == c), shots, replace=False)].mean(0)
                              for c in classes]).astype(np.float64)
            score = (means ** 2).sum(1)[None] - 2 * qp @ means.T
            accs.append(float(np.mean(classes[np.argmin(score, axis=1)] == yq)))
        out[shots] = float(np.mean(accs))
    return out


def evaluate(train_files, test_files):
    blocks = [read(f) for f in train_files]
    x, yt = assemble([b[0] for b in blocks]), blocks[0][1]
    tblocks = [read(f) for f in test_files]
    q, yq = assemble([b[0] for b in tblocks]), tblocks[0][1]
    times, result = {}, {}
    t = time.perf_counter()
    pca = PCA(n_components=min(PCA_DIMS, x.shape[1])).fit(x)
    xp, qp = pca.transform(x), pca.transform(q)
    times["pca"], t = time.perf_counter() - t, time.perf_counter()
    pred = KNeighborsClassifier(n_neighbors=K, algorithm="brute").fit(xp, yt).predict(qp)
    result["knn"] = float(np.mean(pred == yq))
    times["knn"], t = time.perf_counter() - t, time.perf_counter()
    result["map"] = retrieval_map(xp, yt, qp, yq)
    times["retrieval"], t = time.perf_counter() - t, time.perf_counter()
    result["linear"] = float(np.mean(linear_probe(xp, yt, qp) == yq))
    times["probe"], t = time.perf_counter() - t, time.perf_counter()
    result["fewshot"] = few_shot(xp, yt, qp, yq)
    times["fewshot"] = time.perf_counter() - t
    return times, result, x, yt, q


def agreement(directory, name, x, yt, q):
    jq = np.fromfile(f"{directory}/{name}.qp", dtype="<f4")
    jx = np.fromfile(f"{directory}/{name}.xp", dtype="<f4").reshape(len(x), -1)
    jq = jq.reshape(len(q), jx.shape[1])
    jpred = np.fromfile(f"{directory}/{name}.pred", dtype="<i8")
    ref = PCA(n_components=jx.shape[1], svd_solver="full").fit(x.astype(np.float64))
    tq = ref.transform(q.astype(np.float64))
    pred = KNeighborsClassifier(n_neighbors=K, algorithm="brute").fit(
        jx.astype(np.float64), yt).predict(jq.astype(np.float64))
    # Components are defined up to sign, and within a group of equal eigenvalues (e.g. the zero
    # variance of units that never fire on train) only as a subspace: compare the signed
    # coordinates of lone components, and the inner products of the first 500 test rows within
    # each group (invariant to any rotation inside it).
    ev = ref.explained_variance_
    starts = [0] + [i for i in range(1, len(ev)) if ev[i - 1] - ev[i] > 1e-6 * ev[0]] + [len(ev)]
    lone, grouped = 0.0, 0.0
    for a, b in zip(starts[:-1], starts[1:]):
        mine, theirs = jq[:, a:b].astype(np.float64), tq[:, a:b]
        if b - a == 1:
            sign = np.sign((mine * theirs).sum()) or 1.0
            lone = max(lone, float(np.abs(mine * sign - theirs).max()))
        else:
            grouped = max(grouped, float(np.abs(mine[:500] @ mine[:500].T
                                                - theirs[:500] @ theirs[:500].T).max()))
    return {"pca_lone_components_max_abs_diff": lone, "pca_grouped_gram_max_abs_diff": grouped,
            "pca_groups": len(starts) - 1, "knn_same": int((pred == jpred).sum()),
            "knn_total": int(len(pred))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--combos", required=True, help='JSON {"name": [["train.h5", "test.h5"], ...]}')
    parser.add_argument("--agree", help="folder with repflow's <name>.xp/.qp/.pred files")
    args = parser.parse_args()
    out = {"combos": {}}
    for name, pairs in json.loads(args.combos).items():
        times, result, x, yt, q = evaluate([p[0] for p in pairs], [p[1] for p in pairs])
        out["combos"][name] = {"seconds": times, "result": result}
        if args.agree:
            out["combos"][name]["agreement"] = agreement(args.agree, name, x, yt, q)
    out["peak_rss_mib"] = peak_rss_mib()
    print(json.dumps(out))


if __name__ == "__main__":
    main()

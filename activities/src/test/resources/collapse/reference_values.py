# Independent reference values for NcMeasuresTest, computed with the functions of the reference
# library (rhubarbwu/neural-collapse, shared/seeds/neural-collapse-library.txt), copied below and
# run in float64. Run with Debian's /usr/bin/python3 (torch, numpy, scipy).
from math import copysign, sqrt

import numpy as np
import torch as pt
import torch.linalg as la
from scipy.sparse.linalg import svds
from torch.nn.functional import cosine_similarity

rng = np.random.default_rng(7)
K, D = 3, 4
y_train = np.array([0, 1, 2] * 4)
centres = np.array([[2, 0, 0, 1], [0, 2, 0, -1], [0, 0, 2, 0.5]])
x_train = np.round(centres[y_train] + rng.normal(0, 0.6, (12, D)), 2).astype(np.float32)
y_test = np.array([0, 1, 2, 2, 1, 0])
x_test = np.round(centres[y_test] + rng.normal(0, 1.0, (6, D)), 2).astype(np.float32)
y_ood = np.array([0, 1, 0, 1, 0, 1])
x_ood = np.round(rng.normal(0.5, 1.0, (6, D)), 2).astype(np.float32)
W = np.round(centres + rng.normal(0, 1.2, (K, D)), 2).astype(np.float32)

X, Y = pt.tensor(x_train, dtype=pt.float64), pt.tensor(y_train)
eps = pt.finfo(pt.float32).eps
normalize = lambda x: x / (la.norm(x, dim=-1, keepdim=True) + eps)


def symm_reduce(data, reduce=pt.sum):
    N = data.shape[0]
    total = 0
    for i in range((N - 1) // 2):
        total += reduce(pt.cat((data[i][i + 1 :], data[N - i - 2][N - i - 1 :])))
    if N % 2 == 0:
        total += reduce(data[N // 2 - 1][N // 2 :])
    return total / (N * (N - 1) / 2)


def means_of(X, Y, k):
    idx = (Y[:, None] == pt.arange(k)).to(pt.float64)
    M = (idx.T @ X) / idx.sum(0)[:, None]
    return M, M.mean(0)


M, mG = means_of(X, Y, K)
diff = X - M[Y]
covar = diff.T @ diff / len(X)
var_norms = pt.stack([(diff[Y == k] ** 2).sum() / (Y == k).sum() for k in range(K)])
Wt = pt.tensor(W, dtype=pt.float64)


def covariance_ratio(V_intra, M, m_G, metric):
    (K, _), Mc = M.shape, M - m_G
    V_inter = Mc.mT @ Mc / K
    if metric == "pinv":
        return pt.trace(la.pinv(V_inter) @ V_intra).item() / K
    if metric == "svd":
        vecs, vals, _ = svds(V_inter.numpy(), k=K - 1)
        return float(np.trace(V_intra.numpy() @ (vecs @ np.diag(vals ** -1) @ vecs.T))) / K
    return pt.trace(V_intra).item() / pt.trace(V_inter).item()


def structure_error(A, B):
    K = A.shape[0]
    s = B @ A.mT
    s = s / la.matrix_norm(s)
    s = s + 1 / K / sqrt(K - 1)
    s.diagonal().sub_(1 / sqrt(K - 1))
    return la.matrix_norm(s).item()


def grid(data, f):
    return pt.stack([pt.stack([f(a, b) for b in data]) for a in data])


def kstats(g):
    avg = symm_reduce(g)
    return avg.item(), symm_reduce(g, lambda row: pt.sum((row - avg) ** 2)).item()


U = normalize(M - mG)
S = D - 2
dist = grid(U, lambda a, b: (a - b).norm())
cdnv_grid = grid(pt.arange(K), lambda i, j: (var_norms[i] + var_norms[j]) / 2 / ((M[i] - M[j]) ** 2).sum())
Xt = pt.tensor(x_test, dtype=pt.float64)
ncc = pt.cdist(Xt, M).argmin(1)
lin = (Xt @ Wt.T).argmax(1)
_, mG_ood = means_of(pt.tensor(x_ood, dtype=pt.float64), pt.tensor(y_ood), 2)

values = {
    "nc1_pinv": covariance_ratio(covar, M, mG, "pinv"),
    "nc1_svd": covariance_ratio(covar, M, mG, "svd"),
    "nc1_quot": covariance_ratio(covar, M, mG, "quotient"),
    "nc1_cdnv": symm_reduce(cdnv_grid).item(),
    "nc2_etf_err": structure_error(M - mG, M - mG),
    "nc2g_dist": kstats(dist),
    "nc2g_log": kstats((dist ** -1).log()),
    "nc2g_riesz": kstats(copysign(1, S) * dist ** (-S)),
    "nc3_dual_err": structure_error(M - mG, Wt),
    "nc3u_uni_dual": (Wt * (M - mG)).sum(1).var().item(),
    "nc4_agree": (ncc == lin).double().mean().item(),
    "nc5_ood_dev": cosine_similarity(M, mG_ood[None, :]).abs().mean().item(),
}
fmt = lambda a: "{" + ", ".join(str(v) + "f" for v in a) + "}"
print("TRAIN = {" + ", ".join(fmt(r) for r in x_train) + "}")
print("TEST = {" + ", ".join(fmt(r) for r in x_test) + "}")
print("OOD = {" + ", ".join(fmt(r) for r in x_ood) + "}")
print("W = {" + ", ".join(fmt(r) for r in W) + "}")
for k, v in values.items():
    print(k, v)

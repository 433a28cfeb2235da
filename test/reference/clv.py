"""Reference values for the predictive CLV models, from scipy (not from this library).

Run from the project root:  python3 test/reference/clv.py > test/fixtures/cdnow/clv-scipy.json

The likelihoods and expectations are written from the papers: Fader, Hardie & Lee (2005) "Counting your
customers the easy way" and Hardie's note 004 (BG/NBD); Fader & Hardie (2013) "The Gamma-Gamma model of
monetary value"; Fader & Hardie (2007) "How to project customer retention" (sBG) and Fader & Hardie
(2010) "Customer-base valuation in a contractual setting" (DERL). Fits use scipy.optimize (Nelder-Mead
then BFGS on log parameters); special functions are scipy.special.
"""
import csv
import json
import math
import sys

import numpy as np
from scipy import optimize, special

here = "test/fixtures/cdnow/"
rows = list(csv.DictReader(open(here + "cdnow_customers_summary_with_transactions.csv", newline="")))
x = np.array([float(r["x"]) for r in rows])
tx = np.array([float(r["t_x"]) for r in rows])
T = np.array([float(r["T"]) for r in rows])
m = np.array([float(r["zbar"]) for r in rows])


def bgnbd_ll(params):
    r, alpha, a, b = params
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return np.sum(a1 + a2 + np.logaddexp(a3, a4))


def fit(ll, start):
    f = lambda z: -ll(np.exp(z))
    res = optimize.minimize(f, np.log(start), method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20000, "maxfev": 20000})
    res = optimize.minimize(f, res.x, method="BFGS", options={"gtol": 1e-9})
    return np.exp(res.x), -res.fun


bg, bg_ll = fit(bgnbd_ll, [1, 1, 1, 1])
r, alpha, a, b = bg


def cond_expected(t, x_, tx_, T_, p):
    r, alpha, a, b = p
    z = t / (alpha + T_ + t)
    hyp = special.hyp2f1(r + x_, b + x_, a + b + x_ - 1, z)
    num = (a + b + x_ - 1) / (a - 1) * (1 - ((alpha + T_) / (alpha + T_ + t)) ** (r + x_) * hyp)
    den = 1 + (x_ > 0) * (a / (b + x_ - 1)) * ((alpha + T_) / (alpha + tx_)) ** (r + x_)
    return num / den


def expected(t, p):
    r, alpha, a, b = p
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * special.hyp2f1(r, b, a + b - 1, t / (alpha + t)))


def p_alive(x_, tx_, T_, p):
    r, alpha, a, b = p
    return 1 / (1 + (x_ > 0) * (a / (b + x_ - 1)) * ((alpha + T_) / (alpha + tx_)) ** (r + x_))


published = [0.243, 4.414, 0.793, 2.426]

# Gamma-Gamma on customers with x > 0.
sel = x > 0
xs, ms = x[sel], m[sel]


def gg_ll(params):
    p, q, g = params
    return np.sum(
        special.gammaln(p * xs + q) - special.gammaln(p * xs) - special.gammaln(q)
        + q * np.log(g) + (p * xs - 1) * np.log(ms) + p * xs * np.log(xs) - (p * xs + q) * np.log(g + ms * xs)
    )


gg, gg_llv = fit(gg_ll, [1, 1, 1])
gp, gq, gg_gamma = gg


def cond_spend(x_, m_):
    return (gg_gamma + m_ * x_) * gp / (gp * x_ + gq - 1)


# CLV: monthly steps of 30/7 weeks over 12 months, 1 % monthly discount, on the fitted models.
def clv(x_, tx_, T_, m_, months=12, step=30 / 7, d=0.01):
    total = 0.0
    prev = 0.0
    for i in range(1, months + 1):
        cur = cond_expected(i * step, x_, tx_, T_, bg)
        total += (cur - prev) * cond_spend(x_, m_) / (1 + d) ** i
        prev = cur
    return total


# sBG.
cohorts = {
    "regular": [1000, 631, 468, 382, 326, 289, 262, 241],
    "highEnd": [1000, 869, 743, 653, 593, 551, 517, 491],
}


def sbg_ll(s):
    def ll(params):
        al, be = params
        total = 0.0
        P = al / (al + be)
        S = 1 - P
        total += (s[0] - s[1]) * math.log(P)
        for t in range(2, len(s)):
            P = P * (be + t - 2) / (al + be + t - 1)
            S = S - P
            total += (s[t - 1] - s[t]) * math.log(P)
        total += s[-1] * math.log(S)
        return total
    return ll


sbg = {}
for name, s in cohorts.items():
    (al, be), llv = fit(sbg_ll(s), [1, 1])
    surv = [float(np.exp(special.betaln(al, be + t) - special.betaln(al, be))) for t in range(0, 13)]
    ret = [float((be + t - 1) / (al + be + t - 1)) for t in range(1, 13)]
    derl = {str(n): float((be + n) / (al + be + n) * special.hyp2f1(1, be + n + 1, al + be + n + 1, 1 / 1.1)) for n in (0, 1, 4)}
    sbg[name] = {"alpha": float(al), "beta": float(be), "logLikelihood": float(llv), "survival": surv, "retention": ret, "derl10": derl}

customers = [(2, 30.43, 38.86, 22.35), (0, 0.0, 38.86, 0.0), (7, 35.14, 38.86, 27.44), (1, 1.71, 38.86, 11.77), (28, 36.71, 37.14, 44.93)]
out = {
    "generator": f"scipy {__import__('scipy').__version__}, numpy {np.__version__}",
    "bgnbd": {"r": r, "alpha": alpha, "a": a, "b": b, "logLikelihood": bg_ll},
    "publishedParams": {
        "expected": {str(t): float(expected(t, published)) for t in (1, 10, 39, 78)},
        "conditional39": [float(cond_expected(39, *c[:3], published)) for c in customers],
        "alive": [float(p_alive(*c[:3], published)) for c in customers],
    },
    "fittedParams": {
        "conditional39": [float(cond_expected(39, *c[:3], bg)) for c in customers],
        "alive": [float(p_alive(*c[:3], bg)) for c in customers],
    },
    "customers": [list(c) for c in customers],
    "gammaGamma": {"p": gp, "q": gq, "gamma": gg_gamma, "logLikelihood": gg_llv, "n": int(sel.sum()),
                   "correlation": float(np.corrcoef(xs, ms)[0, 1]),
                   "conditionalSpend": [float(cond_spend(c[0], c[3])) if c[0] > 0 else None for c in customers],
                   "populationMean": float(gp * gg_gamma / (gq - 1))},
    "clv": [float(clv(*c)) if c[0] > 0 else None for c in customers],
    "sbg": sbg,
}
json.dump(out, sys.stdout, indent=1)
print()

"""Reference values for src/stats, computed with scipy (not with this library).

Run: python3 test/reference/scipy-stats.py > test/fixtures/scipy-stats.json
Versions used are recorded in the output.
"""
import json, math, sys
import numpy as np
import scipy
from scipy import stats, special
from scipy.stats import binomtest

out = {"generator": f"python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}"}

out["normalCdf"] = [[x, float(stats.norm.cdf(x))] for x in [-37.5, -20, -10, -8, -6, -5, -3.5, -3, -2.999, -2.5, -1.96, -1, -0.5, -1e-8, 0, 1e-8, 0.3, 1, 1.5, 2, 2.9, 3, 3.1, 4, 6, 8.2]]
out["normalQuantile"] = [[p, float(stats.norm.ppf(p))] for p in [1e-300, 1e-100, 1e-20, 1e-10, 1e-6, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 0.999999, 1 - 1e-12]]
out["logGamma"] = [[x, float(special.gammaln(x))] for x in [1e-10, 0.001, 0.1, 0.5, 1, 1.5, 2, 2.5, 3, 7.3, 9.99, 10, 10.5, 33.3, 100, 1234.5, 1e6, 1e10]]
out["regularizedIncompleteBeta"] = [[x, a, b, float(special.betainc(a, b, x))] for (x, a, b) in [(0.5, 2, 3), (0.1, 0.5, 0.5), (0.9, 0.5, 0.5), (0.3, 5, 10), (0.999, 30, 2), (0.001, 2, 30), (0.5, 200, 200), (0.45, 500, 600), (0.2, 0.01, 5), (0.8, 5, 0.01), (0.6, 1, 1), (0.02, 50000, 1000000)]]
ts = []
for t in [-40, -5, -2.5, -1, -0.1, 0, 0.3, 1, 2.2281388519649385, 3, 10, 100]:
    for df in [1, 2, 3, 4.5, 10, 29, 100, 1e6]:
        ts.append([t, df, float(stats.t.cdf(t, df))])
out["studentTCdf"] = ts
tq = []
for p in [1e-10, 1e-5, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.995, 0.9999]:
    for df in [1, 2, 3, 4.5, 10, 29, 49, 100, 1000, 1e6]:
        tq.append([p, df, float(stats.t.ppf(p, df))])
out["studentTQuantile"] = tq

def ci(res, method):
    c = res.proportion_ci(confidence_level=0.95, method=method)
    return [float(c.low), float(c.high)]

props = []
for (x, n) in [(30, 50), (74, 107), (280, 400), (0, 10), (10, 10), (9, 10), (4, 5), (1, 1), (0, 1), (3, 1000), (999, 1000), (12345, 54321)]:
    r = binomtest(x, n)
    props.append({"x": x, "n": n, "wilson": ci(r, "wilson"), "exact": ci(r, "exact")})
out["proportion95"] = props
# other levels
lv = []
for (x, n, level) in [(30, 50, 0.9), (30, 50, 0.99), (4, 5, 0.8)]:
    r = binomtest(x, n)
    c1 = r.proportion_ci(confidence_level=level, method="wilson"); c2 = r.proportion_ci(confidence_level=level, method="exact")
    lv.append({"x": x, "n": n, "level": level, "wilson": [float(c1.low), float(c1.high)], "exact": [float(c2.low), float(c2.high)]})
out["proportionLevels"] = lv

# Welch t-test from summary statistics
w = []
for a, b in [((50, 3.5, 1.2164), (107, 3.7383, 1.4349)), ((12, 5.1, 0.9), (15, 4.4, 1.6)), ((3, 1.0, 0.5), (4, 2.0, 2.5))]:
    r = stats.ttest_ind_from_stats(a[1], a[2], a[0], b[1], b[2], b[0], equal_var=False)
    va, vb = a[2] ** 2 / a[0], b[2] ** 2 / b[0]
    dof = (va + vb) ** 2 / (va ** 2 / (a[0] - 1) + vb ** 2 / (b[0] - 1))
    half = stats.t.ppf(0.975, dof) * math.sqrt(va + vb)
    d = a[1] - b[1]
    w.append({"a": a, "b": b, "t": float(r.statistic), "p": float(r.pvalue), "df": dof, "ci": [d - half, d + half]})
out["welch"] = w

# t-interval of a mean, CSAT E1 data: 5x10, 4x20, 3x10, 2x5, 1x5
e1 = np.array([5] * 10 + [4] * 20 + [3] * 10 + [2] * 5 + [1] * 5, dtype=float)
m, s, n = e1.mean(), e1.std(ddof=1), len(e1)
lo, hi = stats.t.interval(0.95, n - 1, loc=m, scale=s / math.sqrt(n))
out["meanIntervalCsatE1"] = {"n": n, "mean": m, "sd": s, "ci": [lo, hi]}

# quantiles (numpy linear = type 7; inverted_cdf = nearest rank)
data = [15.0, 20.0, 35.0, 40.0, 50.0, 7.5, 3.25, 100.0, 42.0, 42.0]
qs = []
for p in [0, 0.05, 0.1, 0.25, 0.4, 0.5, 0.7, 0.9, 0.95, 0.99, 1]:
    qs.append([p, float(np.quantile(data, p, method="linear")), float(np.quantile(data, p, method="inverted_cdf"))])
out["quantile"] = {"data": data, "values": qs}
json.dump(out, sys.stdout, indent=1)

"""Audit of the attachment confidence on `npm run eval:attachment -- ... --answers F.jsonl`.

Is the order of the calibrated confidence the limit of coverage at >= 90 % right, or the answers
themselves? A second model (a "correctness predictor", as in selective classification) is fit on
features of each top answer -- its probability, the second's, the margins, the sum of the top 3,
the training size of the answered segment, the firm's product count, agreement with the baseline,
the baseline's margin, every signal of the top answer and its difference from the second's -- by
cross-validation over the same folds, and its order is scored like the confidence's. Then the
wrong answers among the 30 % most confident are described: where the truth ranked, and whether
it shares the answer's parent industry (needs `industries.jsonl` for the hierarchy).

Not part of `npm test`: needs numpy and scikit-learn (pip install numpy scikit-learn).
python3 scripts/eval/attachment-audit.py F.jsonl ../shared/real/industries.jsonl
"""
import collections
import json
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def coverage(confidence, right):
    """Largest share of firms whose most confident answers are >= 90 % right; share right in the top 30 %."""
    order = np.argsort(-confidence, kind="stable")
    r = right[order]
    n = np.arange(1, len(r) + 1)
    ok = np.where(np.cumsum(r) >= 0.9 * n)[0]
    return (ok.max() + 1 if len(ok) else 0) / len(r), r[: round(0.3 * len(r))].mean()


rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
parent = {}
if len(sys.argv) > 2:
    for line in open(sys.argv[2]):
        d = json.loads(line)
        parent[d["code"]] = d["parent"]
# Attached firms of each segment in each fold's training (the other folds), as the classifier saw them.
train_size = {f: collections.Counter(d["truth"] for d in rows if d["fold"] != f) for f in {d["fold"] for d in rows}}

features, right, folds = [], [], []
for d in rows:
    top, second = d["ranked"][0], (d["ranked"][1] if len(d["ranked"]) > 1 else None)
    s2 = second["signals"] if second else [0.0] * len(top["signals"])
    features.append(
        [top["probability"], second["probability"] if second else 0.0, top["probability"] - (second["probability"] if second else 0.0),
         top["score"] - (second["score"] if second else 0.0), sum(x["probability"] for x in d["ranked"][:3]),
         np.log1p(train_size[d["fold"]][top["label"]]), np.log1p(d["products"]), float(d["baseline"]["ranked"][0] == top["label"]),
         d["baseline"]["margin"], *top["signals"], *(a - b for a, b in zip(top["signals"], s2))]
    )
    right.append(int(top["label"] == d["truth"]))
    folds.append(d["fold"])
X, y, folds = np.array(features), np.array(right), np.array(folds)

print(f"{len(y)} firms, top answer right {y.mean():.3f}")
print("order by | coverage at >= 90 % right | right among the 30 % most confident")
c, p = coverage(X[:, 0], y)
print(f"calibrated confidence | {c:.3f} | {p:.3f}")
models = {
    "logistic regression on the answer's features": lambda: LogisticRegression(C=1.0, max_iter=5000),
    "gradient-boosted trees on the answer's features": lambda: HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0),
}
for name, make in models.items():
    predicted = np.zeros(len(y))
    for fold in sorted(set(folds)):
        train, test = folds != fold, folds == fold
        scale = StandardScaler().fit(X[train])
        predicted[test] = make().fit(scale.transform(X[train]), y[train]).predict_proba(scale.transform(X[test]))[:, 1]
    c, p = coverage(predicted, y)
    print(f"{name} | {c:.3f} | {p:.3f}")

confident = sorted(rows, key=lambda d: -d["ranked"][0]["probability"])[: round(0.3 * len(rows))]
wrong = [d for d in confident if d["ranked"][0]["label"] != d["truth"]]
rank = collections.Counter(next((i + 1 for i, x in enumerate(d["ranked"]) if x["label"] == d["truth"]), None) for d in wrong)
print(f"\nwrong among the 30 % most confident: {len(wrong)} of {len(confident)}")
print("the truth ranked " + ", ".join(f"{k if k else 'below 10'}: {v}" for k, v in sorted(rank.items(), key=lambda kv: kv[0] or 99)))
if parent:
    same = sum(parent.get(d["ranked"][0]["label"]) == parent.get(d["truth"]) for d in wrong)
    print(f"answer and truth under the same level-2 industry: {same}")

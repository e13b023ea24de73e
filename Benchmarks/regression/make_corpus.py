#!/usr/bin/env python3
"""Builds the scorer's regression corpus from the bundled rubrics (deterministic).

Writes to OUT_DIR:
  batch.jsonl   every example answer, standard answer, alternative, teach text, must-hit /
                must-miss snippet, misconception phrase and value fact of Rubrics/**/*.yaml, as is
                and in variants (negated, full-width, upper case, typos, keyword lists, mixes),
                plus bad lines: invalid JSON, unknown question, missing fields, empty answer,
                invalid UTF-8, a 1 MB answer, escapes, Chinese, emoji, lone combining marks.
  explain/      a sample of answers for `rubric explain --format json` and `grade --format text`.

usage: make_corpus.py OUT_DIR
"""
import glob, json, os, random, sys
import yaml

out = sys.argv[1]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Rubrics")
os.makedirs(os.path.join(out, "explain"), exist_ok=True)
rng = random.Random(20261125)

def texts(v):
    """Every string inside a YAML value ({zh, en} maps, lists, …)."""
    if isinstance(v, str): return [v]
    if isinstance(v, dict): return [t for x in v.values() for t in texts(x)]
    if isinstance(v, list): return [t for x in v for t in texts(x)]
    return []

def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else ("\u3000" if c == " " else c) for c in s)

def typo(s):
    words = s.split(" ")
    for i, w in enumerate(words):
        if len(w) >= 6 and w.isascii() and w.isalpha():
            k = rng.randrange(1, len(w) - 1)
            words[i] = w[:k] + w[k + 1:] if rng.random() < 0.5 else w[:k] + w[k + 1] + w[k] + w[k + 2:]
    return " ".join(words)

lines = []
def add(q, answer):
    lines.append(json.dumps({"id": f"r{len(lines)}", "question": q, "answer": answer}, ensure_ascii=rng.random() < 0.2))

samples = []
for path in sorted(glob.glob(os.path.join(root, "**", "*.yaml"), recursive=True)):
    d = yaml.safe_load(open(path, encoding="utf-8"))
    if not isinstance(d, dict) or "concepts" not in d: continue
    q = d["id"]
    pool = []
    for e in d.get("examples", []) or []:
        pool.append(e["answer"]); samples.append((q, e["answer"]))
    pool += texts(d.get("standard_answer")) + texts(d.get("alternatives")) + texts(d.get("corrections"))
    samples.append((q, d.get("standard_answer", "")))
    aliases = []
    for c in d["concepts"]:
        pool += texts(c.get("must_hit")) + texts(c.get("must_miss")) + texts(c.get("teach")) + texts(c.get("label"))
        aliases += texts(c.get("aliases"))
        for v in c.get("values", []) or []:
            keys, vals = texts(v.get("key")), texts(v.get("value"))
            for k in keys:
                pool += [f"{k}={vals[0]}", f"{k} 设置为 {vals[-1]}", f"{k}: wrongvalue", f"{k} is 7", f"我们把{k}配成了{vals[0]}", f"not {k}={vals[0]}"]
    for m in d.get("misconceptions", []) or []:
        groups = m.get("match", [])
        pool.append("，".join(g[0] for g in groups if g))
        pool.append(" and ".join(g[-1] for g in groups if g) + ".")
        pool.append("不是" + "".join(g[0] for g in groups if g))
        pool += texts(m.get("claim")) + texts(m.get("correction"))
    for a in aliases:
        pool += [a, "不是" + a, "没有" + a, "not " + a, "we don't use " + a, a.upper(), "a " + a + " is the " + a, typo(a) if len(a) > 5 else a]
    for t in pool: add(q, t)
    # Variants and mixes.
    for t in pool[:40]:
        add(q, fullwidth(t)); add(q, t.upper()); add(q, typo(t))
    for _ in range(25):
        add(q, " ".join(rng.sample(aliases, min(len(aliases), rng.randrange(2, 12)))))
        add(q, "、".join(rng.sample(aliases, min(len(aliases), rng.randrange(2, 12)))))
        add(q, "".join(rng.choice(pool) + rng.choice(["。", "，", ". ", "\n", "; ", " -> ", "=", "：", "（", "）"]) for _ in range(rng.randrange(2, 9))))

qids = sorted({q for q, _ in samples})
q0 = qids[0]
# Bad and odd lines.
lines += [
    '{"id": "bad1", "question": "go.gmp", "answer": ',                  # invalid JSON
    'not json at all',
    '[1, 2, 3]',
    '{"id": "u1", "question": "go.gmpx", "answer": "G是goroutine"}',    # unknown question
    '{"id": "u2", "question": "no.such.question", "answer": "x"}',
    '{"question": "go.gmp", "answer": "G"}',                            # missing id
    '{"id": "m1", "answer": "G"}',                                      # missing question
    '{"id": "m2", "question": "go.gmp"}',                               # missing answer
    '{"id": 42, "question": "go.gmp", "answer": "numeric id"}',
    '{"id": "dup", "id": "dup2", "question": "go.gmp", "answer": "duplicate key"}',
    '{"id": "nest", "question": "go.gmp", "answer": "x", "extra": {"a": [1, null, true]}}',
    '{"id": "e0", "question": "go.gmp", "answer": ""}',                 # empty answer
    '{"id": "e1", "question": "go.gmp", "answer": "   \\n\\t  "}',
    '{"id": "esc", "question": "go.gmp", "answer": "G\\u662fgoroutine \\"quoted\\" back\\\\slash \\/ tab\\t nl\\n \\b\\f\\r \\u0001 \\u2028\\u2029 \\ud83d\\ude00"}',
    '{"id": "lone", "question": "go.gmp", "answer": "lone \\ud800 surrogate"}',
    '{"id": "ctl", "question": "go.gmp", "answer": "raw\tcontrol"}',
    '{"id": "zh", "question": "go.gmp", "answer": "G是goroutine，M是内核线程，P是逻辑处理器，M必须绑定P才能运行G。本地队列为空时从全局队列获取，再从别的P偷取一半。"}',
    '{"id": "emoji", "question": "go.gmp", "answer": "G 🚀 goroutine 👍🏽 M 🧵 内核线程 👨‍👩‍👧 P 处理器 🇨🇳"}',
    '{"id": "comb", "question": "go.gmp", "answer": "\u0301\u0301\u0308 G\u0301 goroutine\u0301 \u20dd"}',
    '{"id": "camel", "question": "mw.kafka-reliability", "answer": "MinInsyncReplicas = 2, min_insync_replicas: 2, HTTPServer acks=ALL, doesn\'t lose, non-idempotent, NotReady"}',
    '   ',
    '',
    '{"id": "crlf", "question": "go.gmp", "answer": "windows line"}\r',
]
raw = [l.encode("utf-8") for l in lines]
raw.insert(len(raw) - 5, b'{"id": "utf8", "question": "go.gmp", "answer": "bad \xff\xfe bytes"}')
raw.insert(len(raw) - 5, b'\xc3\x28 invalid start')
big_piece = "G是goroutine，M是内核线程，P是逻辑处理器 not a processor; acks=all. "
big = (big_piece * (1_000_000 // len(big_piece.encode()) + 1))
raw.append(json.dumps({"id": "big", "question": "go.gmp", "answer": big}, ensure_ascii=False).encode())
raw.append(json.dumps({"id": "bigword", "question": "go.gmp", "answer": "x" * 200_000 + " goroutine"}).encode())
with open(os.path.join(out, "batch.jsonl"), "wb") as f:
    f.write(b"\n".join(raw) + b"\n")

# A sample for explain/text (every 4th example, plus the standard answers).
for n, (q, a) in enumerate(samples):
    if n % 4 and a != samples[0][1]: continue
    with open(os.path.join(out, "explain", f"{n:04d}.{q}.txt"), "w", encoding="utf-8") as f: f.write(a)
print(f"{len(raw)} batch lines, {len(os.listdir(os.path.join(out, 'explain')))} explain samples")

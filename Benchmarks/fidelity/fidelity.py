"""Grading fidelity: draft rubrics from reference answers only, grade every student answer in one
`mockinterview grade --batch` run per data set, and compare with human grades beside a lexical floor.

Standard library only. Student answers and grades never reach the drafter: the bank written for
`rubric draft` holds each question's text and reference answers, nothing else.
"""
import argparse
import bisect
import collections
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

DATA_SETS = [
    # file, human grade field, two-way label field
    ("mohler.jsonl", "score_avg", None),
    ("semeval-beetle-train.jsonl", None, "label_2way"),
    ("semeval-sciEntsBank-train.jsonl", None, "label_2way"),
]

# A plain English stop list for the lexical floor (the floor is deliberately simple).
STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves""".split())


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def han_bigrams(text):
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {r[i:i + 2] for r in runs for i in range(len(r) - 1)}


def floor_score(reference, answer):
    """Share of the reference's content words present in the answer (Chinese: character bigrams)."""
    ref = {w for w in words(reference) if w not in STOP} | han_bigrams(reference)
    if not ref:
        return 0.0
    ans = set(words(answer)) | han_bigrams(answer)
    return len(ref & ans) / len(ref)


def pearson(x, y):
    n = len(x)
    if n < 2:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def roc_auc(scores, labels):
    """Probability that a correct answer outscores an incorrect one (ties count half)."""
    pos = [s for s, l in zip(scores, labels) if l]
    neg = sorted(s for s, l in zip(scores, labels) if not l)
    if not pos or not neg:
        return None
    total = 0.0
    for p in pos:
        lo, hi = bisect.bisect_left(neg, p), bisect.bisect_right(neg, p)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def mean_per_question_r(scores, human, qids):
    groups = collections.defaultdict(list)
    for s, h, q in zip(scores, human, qids):
        groups[q].append((s, h))
    rs = [pearson([a for a, _ in g], [b for _, b in g]) for g in groups.values()]
    rs = [r for r in rs if r is not None]
    return (sum(rs) / len(rs) if rs else None), len(rs)


def bank_id(qid):
    """Rubric ids allow ASCII letters, digits, '.', '_' and '-'."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", qid)


def run_set(path, human_field, label_field, binary, work, content):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    name = os.path.splitext(os.path.basename(path))[0]
    folder = os.path.join(work, name)
    os.makedirs(folder, exist_ok=True)

    # 1. The bank: question and reference answers only.
    bank = collections.OrderedDict()
    for r in rows:
        qid = bank_id(r["qid"])
        if qid in bank:
            continue
        refs = [r["reference"]]
        for extra in r.get("reference_answers") or []:
            text = extra.get("text") if isinstance(extra, dict) else extra
            if text and text not in refs:
                refs.append(text)
        bank[qid] = {"id": qid, "question": r["question"], "reference": refs[0], "alternatives": refs[1:]}
    bank_path = os.path.join(folder, "bank.jsonl")
    with open(bank_path, "w", encoding="utf-8") as f:
        for e in bank.values():
            f.write(json.dumps(e, ensure_ascii=False) + "\n")

    # 2. Draft.
    rubrics = os.path.join(folder, "rubrics")
    t0 = time.time()
    subprocess.run([binary, "rubric", "draft", "--bank", bank_path, "--out", rubrics],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    draft_seconds = time.time() - t0

    # 3. Grade every answer in one batch.
    batch_path = os.path.join(folder, "answers.jsonl")
    with open(batch_path, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": str(i), "question": bank_id(r["qid"]), "answer": r["answer"]}, ensure_ascii=False) + "\n")
    t0 = time.time()
    proc = subprocess.run([binary, "grade", "--content", content, "--batch", batch_path, "--rubrics", rubrics, "--format", "jsonl"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    grade_seconds = time.time() - t0
    out_lines = proc.stdout.decode("utf-8").splitlines()
    with open(os.path.join(folder, "grades.jsonl"), "w", encoding="utf-8") as f:
        f.write(proc.stdout.decode("utf-8"))
    if len(out_lines) != len(rows):
        sys.exit(f"{name}: grade --batch printed {len(out_lines)} lines for {len(rows)} answers (exit {proc.returncode}):\n"
                 + proc.stderr.decode("utf-8", "replace")[-2000:])
    ours, errors = [], 0
    for line in out_lines:
        g = json.loads(line)
        if "error" in g:
            errors += 1
            ours.append(0.0)
        else:
            ours.append(float(g["score"]))

    # 4. Figures, ours and the floor's.
    if human_field:
        human = [float(r[human_field]) for r in rows]
    else:
        human = [1.0 if r[label_field] == "correct" else 0.0 for r in rows]
    floor = [floor_score(r["reference"], r["answer"]) for r in rows]
    qids = [r["qid"] for r in rows]
    figures = {}
    for who, scores in (("mockinterview", ours), ("lexical floor", floor)):
        per_q, n_q = mean_per_question_r(scores, human, qids)
        figures[who] = {
            "pooled r": pearson(scores, human),
            "mean per-question r": per_q,
            "ROC AUC": roc_auc(scores, human) if label_field else None,
        }
    return {
        "name": name, "answers": len(rows), "questions": len(bank), "errors": errors,
        "figures": figures, "draft_seconds": draft_seconds, "grade_seconds": grade_seconds,
        "per_question_n": n_q,
    }


GRADE_MIDPOINT = {"A": 92.5, "B": 77.5, "C": 62.5, "D": 47.5, "F": 20.0}


def expected_grades(spec):
    order = "FDCBA"
    out = set()
    for s in (spec if isinstance(spec, list) else [spec]):
        s = str(s).strip().upper()
        if s.startswith("<="):
            out |= set(order[:order.index(s[2]) + 1])
        elif s.startswith(">="):
            out |= set(order[order.index(s[2]):])
        elif "-" in s:
            a, b = sorted(order.index(x.strip()) for x in s.split("-"))
            out |= set(order[a:b + 1])
        else:
            out.add(s)
    return out


def run_content_samples(repo, binary, work, content):
    """The question bank's own graded sample answers (Chinese), graded against rubrics drafted
    from each question's standard answer only. Needs PyYAML to read the content; skipped without it."""
    try:
        import yaml
    except ImportError:
        print("skipping the content samples: PyYAML is not installed", file=sys.stderr)
        return None
    import glob
    folder = os.path.join(work, "content-samples")
    os.makedirs(folder, exist_ok=True)
    bank, batch, human, allowed, qids, refs = [], [], [], [], [], {}
    for path in sorted(glob.glob(os.path.join(repo, "Rubrics", "*", "*.yaml"))):
        doc = yaml.safe_load(open(path, encoding="utf-8"))
        if not isinstance(doc, dict) or "concepts" not in doc:
            continue
        q = doc["question"]
        question = q.get("zh") or q.get("en") if isinstance(q, dict) else q
        bank.append({"id": doc["id"], "question": question, "reference": doc["standard_answer"],
                     "alternatives": doc.get("alternatives") or []})
        refs[doc["id"]] = doc["standard_answer"]
        for ex in doc.get("examples") or []:
            grades = expected_grades(ex["grade"])
            score = ex.get("human_score")
            if score is None:
                score = sum(GRADE_MIDPOINT[g] for g in grades) / len(grades)
            batch.append({"id": str(len(batch)), "question": doc["id"], "answer": ex["answer"]})
            human.append(float(score)); allowed.append(grades); qids.append(doc["id"])
    if not batch:
        return None
    bank_path, batch_path = os.path.join(folder, "bank.jsonl"), os.path.join(folder, "answers.jsonl")
    with open(bank_path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in bank)
    with open(batch_path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in batch)
    rubrics = os.path.join(folder, "rubrics")
    subprocess.run([binary, "rubric", "draft", "--bank", bank_path, "--out", rubrics],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    proc = subprocess.run([binary, "grade", "--content", content, "--batch", batch_path, "--rubrics", rubrics,
                           "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    grades = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    with open(os.path.join(folder, "grades.jsonl"), "w", encoding="utf-8") as f:
        f.write(proc.stdout.decode("utf-8"))
    if len(grades) != len(batch):
        sys.exit("content samples: grade --batch failed:\n" + proc.stderr.decode("utf-8", "replace")[-2000:])
    ours = [float(g.get("score", 0)) for g in grades]
    floor = [floor_score(refs[q], b["answer"]) for q, b in zip(qids, batch)]
    order = "FDCBA"
    within = sum(1 for g, a in zip(grades, allowed)
                 if min(abs(order.index(g.get("grade", "F")) - order.index(x)) for x in a) <= 1)
    figures = {}
    for who, scores in (("mockinterview", ours), ("lexical floor", floor)):
        per_q, n_q = mean_per_question_r(scores, human, qids)
        figures[who] = {"pooled r": pearson(scores, human), "mean per-question r": per_q, "ROC AUC": None}
    return {"name": "content samples (zh)", "answers": len(batch), "questions": len(bank), "errors": 0,
            "figures": figures, "draft_seconds": 0, "grade_seconds": 0, "per_question_n": n_q,
            "note": f"grade within one band of the expected: {within}/{len(batch)}"}


def fmt(v):
    return "   —  " if v is None else f"{v:6.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="the mockinterview binary")
    ap.add_argument("--data", required=True, help="folder of the human-graded data sets")
    ap.add_argument("--framework", required=True, help="the answer framework file (Rubrics/framework.yaml)")
    ap.add_argument("--keep", help="keep banks, rubrics and grades in this folder")
    ap.add_argument("--repo", help="also grade the graded samples of the rubrics under REPO/Rubrics (needs PyYAML)")
    args = ap.parse_args()

    work = args.keep or tempfile.mkdtemp(prefix="fidelity-")
    # A content folder holding only the framework: the drafted rubrics come with --rubrics.
    content = os.path.join(work, "content")
    os.makedirs(os.path.join(content, "Rubrics"), exist_ok=True)
    with open(args.framework, encoding="utf-8") as src, open(os.path.join(content, "Rubrics", "framework.yaml"), "w", encoding="utf-8") as dst:
        dst.write(src.read())
    results = []
    for file, human_field, label_field in DATA_SETS:
        path = os.path.join(args.data, file)
        if not os.path.exists(path):
            print(f"skipping {file}: not in {args.data}", file=sys.stderr)
            continue
        results.append(run_set(path, human_field, label_field, args.bin, work, content))
    if args.repo:
        samples = run_content_samples(args.repo, args.bin, work, content)
        if samples:
            results.append(samples)
    if not results:
        sys.exit(f"no data sets found in {args.data}")

    print(f"{'data set':<28} {'answers':>7} {'qs':>4}  {'metric':<20} {'ours':>6}  {'floor':>6}")
    for res in results:
        first = True
        for metric in ("pooled r", "mean per-question r", "ROC AUC"):
            o = res["figures"]["mockinterview"][metric]
            f = res["figures"]["lexical floor"][metric]
            if o is None and f is None:
                continue
            label = f"{res['name']:<28} {res['answers']:>7} {res['questions']:>4}" if first else " " * 41
            print(f"{label}  {metric:<20} {fmt(o)}  {fmt(f)}")
            first = False
        if "note" in res:
            print(" " * 43 + res["note"])
            continue
        note = f" ({res['errors']} lines failed)" if res["errors"] else ""
        print(" " * 43 + f"draft {res['draft_seconds']:.1f}s, grade --batch {res['grade_seconds']:.1f}s{note}")
    if args.keep:
        print(f"banks, rubrics and grades kept in {work}", file=sys.stderr)


if __name__ == "__main__":
    main()

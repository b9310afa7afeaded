#!/usr/bin/env python3
"""Draw the random sample of silver events for the hand audit (issue 9).

Input: the JSON Lines export of the 1,200 silver articles, produced by
    go run ./cmd/timeline --db /tmp/audit.db ingest ../shared/corpora/silver
    go run ./cmd/timeline --db /tmp/audit.db export --format jsonl --out /tmp/audit.jsonl

Events are sorted by id first, so the draw depends only on the set of events and
the seed, not on the export order. Events whose document (or any document merged
into the same record) is named in ../shared/gold/events/DEVTEST.txt are left out of
the pool, since those articles are measured and never studied. No other event is
skipped. Prints one tab-separated line per drawn event with the system's fields
(number, id, doc, trigger, cameo, source, target, when, earliest..latest, status,
sentence), in draw order; the hand judgements are inserted before the sentence
afterwards (docs/audit/silver-2026-12.tsv).

Usage: python3 docs/audit/draw.py /tmp/audit.jsonl ../shared/gold/events/DEVTEST.txt [SEED]
(SEED defaults to 20261203, the first audit's; the second used 20261204.)
"""
import json
import random
import sys

SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20261203
N = 30


def actor(a):
    """An actor as its code and name: 'USAGOV (Bill Clinton)', 'null (the West)', or '-' for none."""
    if a is None:
        return "-"
    return f'{a.get("code") or "null"} ({a.get("name") or ""})'


def main():
    events_path, devtest_path = sys.argv[1], sys.argv[2]
    with open(devtest_path) as f:
        devtest = {line.strip() for line in f if line.strip()}
    with open(events_path) as f:
        events = [json.loads(line) for line in f if line.strip()]
    pool = [e for e in events
            if e["doc"] not in devtest and not devtest.intersection(e.get("docs") or [])]
    pool.sort(key=lambda e: e["id"])
    print(f"# {len(events)} events exported, {len(events) - len(pool)} left out "
          f"(DEVTEST documents), pool {len(pool)}, seed {SEED}", file=sys.stderr)
    sample = random.Random(SEED).sample(pool, N)
    for i, e in enumerate(sample, 1):
        cameo = e["cameo"] or "context"
        dates = f'{e["earliest"] or "null"}..{e["latest"] or "null"}'
        print("\t".join([
            str(i), e["id"], e["doc"], e["trigger"]["text"],
            cameo, actor(e["source"]), actor(e["target"]),
            e["when"] or "null", dates, e["status"],
            " ".join(e["sentence"]["text"].split()),
        ]))


if __name__ == "__main__":
    main()

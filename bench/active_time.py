#!/usr/bin/env python3
"""The active-time definition, read the straightforward way: the baseline replay is measured against.

For every transcript under a sessions root: json.loads each line, keep its own top-level `timestamp`,
group files into sessions by the collector's path rules (a main file and its subagent files are one
session), sort each session's timestamps, start a new block at every gap longer than the inactivity gap,
and sum (last - first) over the blocks. Prints events, events/s and total time.

    python3 bench/active_time.py /tmp/corpus [--gap-minutes 10]

It computes only active time: no alerts, no command durations, no exactly-once, no Kafka.
"""
import argparse
import json
import os
import re
import sys
import time
from datetime import datetime

DATED = re.compile(r"\d{4}-\d{2}-\d{2}_(.+)")
FLAT = re.compile(r"(.+?)-(\d{4}-\d{2}-\d{2})-(.+)")


def session_key(root, path):
    """The session a file belongs to, as the collector names it (see SessionLayout)."""
    parts = os.path.relpath(path, root).split(os.sep)
    stem = parts[-1][: -len(".jsonl")]
    if len(parts) >= 3 and parts[-2] == "subagents":
        return parts[-3]
    for pattern, group in ((DATED, 1), (FLAT, 3)):
        match = pattern.fullmatch(stem)
        if match:
            return match.group(group)
    return stem


def active_seconds(stamps, gap):
    stamps.sort()
    total = 0.0
    start = previous = stamps[0]
    for at in stamps[1:]:
        if at - previous > gap:
            total += previous - start
            start = at
        previous = at
    return total + (previous - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--gap-minutes", type=float, default=10.0)
    args = parser.parse_args()
    gap = args.gap_minutes * 60

    began = time.perf_counter()
    sessions = {}
    events = malformed = 0
    for folder, _, names in os.walk(args.root):
        for name in sorted(names):
            if not name.endswith(".jsonl"):
                continue
            path = os.path.join(folder, name)
            stamps = sessions.setdefault(session_key(args.root, path), [])
            with open(path, "rb") as lines:
                for line in lines:
                    if not line.strip():
                        continue
                    try:
                        event = json.loads(line)
                    except ValueError:
                        malformed += 1
                        continue
                    events += 1
                    stamp = event.get("timestamp") if isinstance(event, dict) else None
                    if isinstance(stamp, str):
                        stamps.append(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())
    active = sum(active_seconds(s, gap) for s in sessions.values() if s)
    elapsed = time.perf_counter() - began
    print(f"sessions {len(sessions):,}  events {events:,}  malformed lines {malformed:,}  "
          f"active {active / 3600:,.2f} h")
    print(f"python baseline: {events / elapsed:,.0f} events/s, total {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

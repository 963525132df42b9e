"""Run the demo experiment and write experiments/<name>/manifest.json with real provenance."""

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from src.utils.seeding import log_versions, seed_everything  # noqa: E402


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    started = time.time()
    started_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    seed_everything(args.seed)
    # A toy "training run": fit y = 2x with SGD; the loss is the metric the DoD asserts on.
    w, lr, loss = random.uniform(-1, 1), 0.1, 0.0
    for _ in range(200):
        x = random.uniform(-1, 1)
        err = w * x - 2 * x
        loss = err * err
        w -= lr * 2 * err * x
    manifest = {
        "id": args.name,
        "git_sha": git("rev-parse", "HEAD"),
        "git_dirty": git("status", "--porcelain", "--untracked-files=all", "--", ".", ":(exclude)experiments") != "",
        "seed": args.seed,
        "versions": log_versions(),
        "hardware": {"cpu": platform.processor() or platform.machine(), "kernel": platform.release(), "os": platform.system()},
        "env": {"PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "")},
        "config": {"lr": lr, "steps": 200},
        "metrics": {"final_loss": round(loss, 8), "w": round(w, 6)},
        "started_at": started_at,
        "finished_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "wall_seconds": round(time.time() - started, 3),
    }
    out_dir = os.path.join("experiments", args.name)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "manifest.json")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

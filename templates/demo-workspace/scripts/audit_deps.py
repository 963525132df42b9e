"""Offline dependency policy: every requirement is pinned to one exact version (name==x.y.z)."""

import re
import sys

PIN = re.compile(r"^[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.\-+]*$")


def main(path: str) -> int:
    bad = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if line and not PIN.match(line):
                bad.append(f"{path}:{n}: not pinned to an exact version: {line}")
    for b in bad:
        print(b)
    print(f"{'FAIL' if bad else 'OK'}: {len(bad)} unpinned requirement(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.txt"))

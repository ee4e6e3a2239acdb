"""Is every rule tested? Switch each named rule or step off in turn and run the tests: a rule
whose removal leaves them green is untested.

    python bench/rule_ablation.py                 # every rule, the extraction and resolution tests
    python bench/rule_ablation.py verb title      # only these
    python bench/rule_ablation.py --tests tests   # the whole suite per rule (slow)

Prints one line per rule: FAILS (good: some test notices it is gone) or PASSES (untested).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from dyads.relations.rules import all_rule_names

DEFAULT_TESTS = ["tests/relations", "tests/actors", "tests/evaluate"]


def main(argv: list[str]) -> int:
    tests = DEFAULT_TESTS
    if "--tests" in argv:
        i = argv.index("--tests")
        tests = argv[i + 1].split(",")
        argv = argv[:i] + argv[i + 2 :]
    names = all_rule_names()
    chosen = argv or list(names)
    untested = []
    for name in chosen:
        t0 = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            env={**os.environ, "DYADS_DISABLED_RULES": name},
            capture_output=True,
            text=True,
            check=False,
        )
        verdict = "FAILS " if run.returncode != 0 else "PASSES"
        if run.returncode == 0:
            untested.append(name)
        failed = [ln for ln in run.stdout.splitlines() if ln.startswith("FAILED")]
        print(
            f"{verdict} {name:30} {time.perf_counter() - t0:5.1f}s  {failed[0] if failed else ''}"
        )
        sys.stdout.flush()
    print(f"{len(chosen) - len(untested)} of {len(chosen)} rules are tested", end="")
    print(f"; untested: {', '.join(untested)}" if untested else "")
    return 1 if untested else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

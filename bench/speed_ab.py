"""Old against new: the full check's throughput of two versions of the checker, side by side.

    python bench/speed_ab.py --rev 86bd66d [--mb 2] [--repeat 5] [--seed 7]

Copies parent_partners/checks as it was at --rev (git archive) into a temporary package and
times scan_text of both on the same synthetic notes (bench/speed.py), with the sentence-verdict
caches off (every sentence read by the model), alternating which goes first, and keeps the
fastest run of each. On a shared machine only figures from the same run compare.
"""

from __future__ import annotations

import argparse
import importlib
import io
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from speed import build_corpus  # noqa: E402

import parent_partners.checks  # noqa: E402


def checker_at(rev: str, into: Path) -> ModuleType:
    """The checks package as it was at ``rev``, imported as ``checks_<rev>``."""
    archive = subprocess.run(  # noqa: S603 - fixed git command, revision given by the user
        ["git", "archive", rev, "parent_partners/checks"],  # noqa: S607
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    name = f"checks_{rev}"
    (into / "parent_partners" / "checks").rename(into / name)
    sys.path.insert(0, str(into))
    return importlib.import_module(name)


def timed(package: ModuleType, text: str) -> tuple[float, int]:
    """Seconds for one cold scan_text of ``text`` with ``package``, and its finding count."""
    combine: Any = importlib.import_module(package.__name__ + ".learned.combine")
    shared = combine.VERDICTS, combine.DETAILS
    combine.VERDICTS, combine.DETAILS = combine.VerdictCache(0), combine.VerdictCache(0)
    try:
        started = time.perf_counter()
        found = len(package.scan_text(text))
        return time.perf_counter() - started, found
    finally:
        combine.VERDICTS, combine.DETAILS = shared


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="the old version (a commit or branch)")
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    text = build_corpus(args.mb, args.seed)
    mb = len(text.encode("utf-8")) / 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        versions = {args.rev: checker_at(args.rev, Path(tmp)), "this tree": parent_partners.checks}
        for package in versions.values():
            package.scan_text("warm-up: Kai is streetwise.")
        best = dict.fromkeys(versions, float("inf"))
        counts: dict[str, int] = {}
        for run in range(max(1, args.repeat)):
            names = list(versions) if run % 2 == 0 else list(versions)[::-1]
            for name in names:
                seconds, counts[name] = timed(versions[name], text)
                best[name] = min(best[name], seconds)
    print(f"corpus: {mb:.1f} MB (seed {args.seed}), full check without cache, best of "
          f"{args.repeat}, alternating")
    for name, seconds in best.items():
        print(f"{name:<10} {seconds:.2f} s, {mb / seconds:.2f} MB/s, {counts[name]} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

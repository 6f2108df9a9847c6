"""bench/run: every section, or the ones named (ingest, http, scale). Prints; never asserts."""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path


def _machine() -> str:
    load = os.getloadavg()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))  # fmt: skip
    return (f"{os.cpu_count()} cores ({cpu}), {int(memory) / 1e6:.0f} GB, {platform.platform()}, "
            f"load average at start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench/run")
    parser.add_argument("sections", nargs="*", default=["ingest", "http", "scale"])
    parser.add_argument("--reports", type=int, default=300, help="reports in the HTTP graph")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per endpoint and client count")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="node counts of the scale table")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query and size (median)")
    parser.add_argument("--restart-at", type=int, default=10_000, help="size of the before/after restart")
    parser.add_argument("--budget", type=float, default=1800, help="seconds the scale writes may take")
    parser.add_argument("--data-dir", type=Path, help="scale graph folder (default: a temporary one)")
    args = parser.parse_args()
    now = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"# healthkg bench, {now}\n\nmachine: {_machine()}\n", flush=True)
    if "ingest" in args.sections:
        from bench.speed import ingest_speed

        ingest_speed.main()
    if "http" in args.sections:
        from bench.speed import http_load

        http_load.main(args.reports, args.seconds)
    if "scale" in args.sections:
        from bench.speed import scale

        sizes = tuple(int(s) for s in args.sizes.split(","))
        if args.data_dir:
            scale.main(args.data_dir, sizes, args.repeat, args.restart_at, args.budget)
        else:
            with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
                scale.main(Path(folder), sizes, args.repeat, args.restart_at, args.budget)
    print(f"machine at the end: load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

"""Report rows with Dask: one process, a two-worker LocalCluster, and ``parse_many(jobs=2)``.

The corpus is the synthetic one of ``bench/batch.py`` (the project's own sample reports with
variations), written once to a temporary folder. Each way makes one row per report
(``level="reports"``, findings and figures counted) and only rows come back:

- ``one process``: `fazhi_report.dask.partition_rows` over every file, here, no Dask.
- ``cluster``: ``read_rows(folder)`` computed on a ``LocalCluster(n_workers=2,
  threads_per_worker=1, processes=True)`` started beforehand (its start-up, a warm-up
  partition on each worker included, is shown apart).
- ``parse_many``: ``fr.parse_many(paths, jobs=2, apply=report_row)``, the library's own pool.

Printed: rows per second, each against one process (ratios from the same run), and the peak
resident memory of each worker process. Needs the dask extra::

    python bench/dask_cluster.py            # 10,000 reports
    python bench/dask_cluster.py --n 2000
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import tempfile
import time
from pathlib import Path

# bench/batch.py makes the corpus; bench/ is no package, so it is loaded by its path
BENCH = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_batch", BENCH / "batch.py")
assert _spec is not None and _spec.loader is not None
_batch = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_batch)
make_corpus = _batch.make_corpus

import fazhi_report as fr  # noqa: E402
from fazhi_report.rows import report_row  # noqa: E402


def _peak_mib() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Run the three ways over one corpus and print their rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="reports in the corpus")
    parser.add_argument("--partition-size", type=int, default=200, help="files per partition")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    from fazhi_report.dask import partition_rows, read_rows

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = [str(p) for p in make_corpus(folder, args.n)]
        print(f"{len(paths)} reports in {folder}")

        partition_rows(paths[:2], "reports")  # imports and compiled rules, as a worker's warm-up
        start = time.perf_counter()
        one = partition_rows(paths, "reports")
        t_one = time.perf_counter() - start

        start = time.perf_counter()
        rows = list(fr.parse_many(paths, jobs=2, apply=report_row))
        t_pool = time.perf_counter() - start

        start = time.perf_counter()
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            # each worker imports the library and compiles the rules once: start-up, not work
            client.compute(read_rows(paths[:4], "reports", partition_size=1)).result()
            t_start = time.perf_counter() - start
            start = time.perf_counter()
            frame = client.compute(
                read_rows(paths, "reports", partition_size=args.partition_size)
            ).result()
            t_cluster = time.perf_counter() - start
            peaks = client.run(_peak_mib)

        assert len(one) == len(rows) == len(frame) == len(paths)
        errors = int(frame["error"].notna().sum())
        print(f"{'way':<28}{'seconds':>9}{'rows/s':>10}{'x one':>8}")
        for name, seconds in (
            ("one process", t_one),
            ("LocalCluster 2 workers", t_cluster),
            ("parse_many(jobs=2)", t_pool),
        ):
            rate = len(paths) / seconds
            print(f"{name:<28}{seconds:>9.2f}{rate:>10.0f}{t_one / seconds:>8.2f}")
        print(f"cluster start-up: {t_start:.2f} s (not counted above); failure rows: {errors}")
        for worker, peak in sorted(peaks.items()):
            print(f"peak memory of worker {worker}: {peak:.0f} MiB")
        print(f"peak memory of this process: {_peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()

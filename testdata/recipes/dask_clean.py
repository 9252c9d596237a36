#!/usr/bin/env python3
"""Clean JSON Lines with decruft on a Dask cluster.

    dask_clean.py [--scheduler ADDR | --workers N] [--blocksize BYTES]
                  [--decruft PATH] IN.jsonl [IN.jsonl ...] OUTDIR [-- DECRUFT-FLAGS]

Each input is cut into blocks at LF (dask.bytes.read_bytes), each block is
piped through `decruft --format jsonl -j1` on a worker, and the result is
written as OUTDIR/part-NNNNN.jsonl. Read in name order, the parts hold
byte for byte what `decruft --format jsonl IN.jsonl ...` writes: blocks are
bytes, never decoded, so CRLF, invalid UTF-8 and a last line without LF
come through as they are. Flags after `--` go to decruft (--field,
--annotate, --config, ...).

Without --scheduler, a LocalCluster of --workers processes runs here. On a
real cluster, decruft must be on every worker's PATH (or --decruft names a
path valid there) and OUTDIR must be a folder every worker can write.
"""
import argparse
import os
import subprocess
import sys

from dask import delayed
from dask.bytes import read_bytes
from distributed import Client, LocalCluster


def clean_block(block, decruft, flags):
    """Return decruft's output for one block of whole lines."""
    if not block:
        return b""
    run = subprocess.run([decruft, "--format", "jsonl", "-j1", *flags],
                         input=block, capture_output=True)
    if run.returncode != 0:
        raise RuntimeError(f"decruft exited {run.returncode}: {run.stderr.decode(errors='replace').strip()}")
    return run.stdout


def write_part(data, path):
    """Write one part whole: a temp file renamed into place."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return len(data)


def main(argv):
    flags = []
    if "--" in argv:
        i = argv.index("--")
        argv, flags = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="IN.jsonl")
    ap.add_argument("outdir", metavar="OUTDIR")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--workers", type=int, default=os.cpu_count(), help="LocalCluster worker processes")
    ap.add_argument("--blocksize", default="64 MiB", help="bytes per block (a number, or '64 MiB')")
    ap.add_argument("--decruft", default="decruft", help="the decruft command")
    a = ap.parse_args(argv)
    blocksize = int(a.blocksize) if a.blocksize.isdigit() else a.blocksize

    os.makedirs(a.outdir, exist_ok=True)
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        client = Client(LocalCluster(n_workers=a.workers, threads_per_worker=1, dashboard_address=None))
    with client:
        parts = []
        for path in a.inputs:
            _, blocks = read_bytes(path, delimiter=b"\n", blocksize=blocksize, sample=False)
            parts += blocks[0]
        writes = [delayed(write_part)(delayed(clean_block)(b, a.decruft, flags),
                                      os.path.join(a.outdir, f"part-{i:05d}.jsonl"))
                  for i, b in enumerate(parts)]
        client.compute(writes, sync=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

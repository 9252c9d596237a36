#!/usr/bin/env python3
"""Tests dask_clean.py: its parts, read in name order, hold byte for byte
what decruft --format jsonl writes for the same inputs.

    DECRUFT=/path/to/decruft python3 testdata/recipes/dask_clean_test.py

Without DECRUFT the test builds ./cmd/decruft with go. It needs Dask's
distributed scheduler (Debian: apt-get install python3-distributed, for
/usr/bin/python3) and is skipped without it.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRIPT = os.path.join(HERE, "dask_clean.py")

try:
    import distributed  # noqa: F401
except ImportError:
    distributed = None


def record(text, **more):
    return json.dumps({**more, "text": text}, ensure_ascii=False).encode()


@unittest.skipIf(distributed is None, "no Dask distributed (Debian: apt-get install python3-distributed)")
class DaskRecipe(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.decruft = os.environ.get("DECRUFT")
        if not cls.decruft:
            cls.decruft = os.path.join(cls.tmp.name, "decruft")
            subprocess.run(["go", "build", "-o", cls.decruft, "./cmd/decruft"], cwd=ROOT, check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_recipe(self, files, blocksize, flags=()):
        """Return the recipe's parts and decruft's own output for files."""
        work = tempfile.mkdtemp(dir=self.tmp.name)
        paths = []
        for name, data in files:
            paths.append(os.path.join(work, name))
            with open(paths[-1], "wb") as f:
                f.write(data)
        out = os.path.join(work, "out")
        self.run_ok([sys.executable, SCRIPT, "--workers", "2", "--blocksize", str(blocksize),
                     "--decruft", self.decruft, *paths, out, "--", *flags])
        parts = []
        for path in sorted(glob.glob(os.path.join(out, "part-*.jsonl"))):
            with open(path, "rb") as f:
                parts.append(f.read())
        want = self.run_ok([self.decruft, "--format", "jsonl", *flags, *paths])
        return parts, want

    def run_ok(self, cmd):
        run = subprocess.run(cmd, capture_output=True)
        if run.returncode != 0:
            self.fail(f"{cmd[:2]} exited {run.returncode}:\n{run.stderr.decode(errors='replace')}")
        return run.stdout

    def test_edge_cases(self):
        # CRLF lines (one whose text ends in CR before a glued Read More),
        # invalid UTF-8, blank lines, and a last line without LF; 16-byte
        # blocks cut most lines, so many parts are empty.
        crlf = b"\r\n".join([
            record("The end.\u201d Read More\r"),
            record("A.\r\n\r\nnews image\r\n\r\nB."),
            record("Nothing to do."),
        ]) + b"\r\n"
        odd = (b'{"text":"caf\xe9.\\n\\nRead More"}\n\n  \n{"text":"caf\xe9, unchanged."}\n'
               + record("Last, without LF.\n\nRead More", id=9))
        parts, want = self.run_recipe([("crlf.jsonl", crlf), ("odd.jsonl", odd)], 16)
        self.assertEqual(b"".join(parts), want)
        self.assertIn(b"", parts, "no empty part: the blocks were not cut small enough")
        self.assertTrue(want.endswith(b"}") and b"\r\n" in want and b"\xe9" in want)

    def test_articles(self):
        # The real articles, annotated, in blocks of a few records.
        lines = []
        for i, path in enumerate(sorted(glob.glob(os.path.join(ROOT, "testdata", "*.txt"))) * 20):
            with open(path, encoding="utf-8") as f:
                lines.append(record(f.read(), id=i))
        parts, want = self.run_recipe([("articles.jsonl", b"\n".join(lines) + b"\n")], 20000,
                                      ["--annotate", "decruft"])
        self.assertEqual(b"".join(parts), want)
        self.assertGreater(len([p for p in parts if p]), 3)
        self.assertIn(b'"decruft": [{"rule"', want)


if __name__ == "__main__":
    unittest.main()

"""`python -m bench N`: run the benchmark suite (see bench/run.py)."""

from __future__ import annotations

import sys

from bench.run import main

sys.exit(main())

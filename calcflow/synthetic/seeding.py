"""Random streams for the generator, keyed so the same arguments give the same numbers in every process."""
from __future__ import annotations

import zlib

import numpy as np


def keyed_rng(seed: int, *tags: str) -> np.random.Generator:
    """A stream keyed by seed and names (CRC-32, stable across processes, unlike hash())."""
    return np.random.default_rng([seed, *(zlib.crc32(t.encode("utf-8")) for t in tags)])

"""The generator's vocabulary and scale, shared by every module of calcflow.synthetic: descriptor ids, the two
views, the pixel size at 1x and the allowed field sizes."""
from __future__ import annotations

PIXEL_MM = 0.05  # mm per pixel at magnification 1.0 (a typical full-field digital detector: 50 µm)
DEFAULT_FIELD_MM = 30.0  # wide enough for a regional (> 20 mm) distribution
MIN_FIELD_MM = 25.0  # below this a regional distribution (> 20 mm) cannot fit
MAX_FIELD_MM = 60.0
MAGNIFICATION_VIEW = 1.8  # the synthetic magnification view's factor; on real units it varies (clinical facts §5.1)

SHAPES = ("skin", "vascular", "coarse-popcorn", "large-rod", "round", "punctate", "rim", "dystrophic",
          "milk-of-calcium", "suture", "amorphous", "coarse-heterogeneous", "fine-pleomorphic",
          "fine-linear-branching")
PATTERNS = ("diffuse", "regional", "grouped", "linear", "segmental")
VIEWS = ("cc", "lateral")

# The pattern each shape is most often taught with (used for the descriptor grid and as a default).
TYPICAL_PATTERN = {
    "skin": "grouped", "vascular": "linear", "coarse-popcorn": "grouped", "large-rod": "diffuse",
    "round": "diffuse", "punctate": "grouped", "rim": "regional", "dystrophic": "regional",
    "milk-of-calcium": "grouped", "suture": "linear", "amorphous": "grouped", "coarse-heterogeneous": "grouped",
    "fine-pleomorphic": "grouped", "fine-linear-branching": "segmental",
}

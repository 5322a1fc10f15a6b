"""Seeded synthetic mammogram patches: calcification particles of each lexicon shape, placed in each distribution
pattern, over breast tissue, seen through a simulated imaging chain. Pure numpy/scipy; nothing here knows the model.

Nothing comes from a real image: a patch is a fibroglandular-looking background (filtered noise) with bright calcium
particles drawn from geometry that follows the lexicon. The *shape* (morphology) decides each particle's geometry;
the *pattern* (distribution) decides where the particles go. Both are independent, so every shape can be shown in
every pattern. Coordinates are millimetres in the scene: x to the right, y downwards (image rows), origin at the
top-left corner of the full field; the nipple lies off the **left** edge, and ducts, rods and segments point to it.

Modules, each depending only on those above it:
  constants  descriptor ids, views, pixel size and field sizes
  seeding    random streams keyed by seed and names (the same in every process)
  geometry   Particle, Site, paint primitives (Blob, Stroke), outline recipes, caliper measurement
  shapes     the 14 shapes: a site -> particles, and each shape's RECIPE
  patterns   the 5 distribution patterns: where the sites go
  tissue     the breast tissue background
  render     the imaging chain: make_patch, Patch, scene_particles
"""
from calcflow.synthetic.constants import (DEFAULT_FIELD_MM, MAGNIFICATION_VIEW, MAX_FIELD_MM, MIN_FIELD_MM, PATTERNS,
                                          PIXEL_MM, SHAPES, TYPICAL_PATTERN, VIEWS)
from calcflow.synthetic.geometry import Particle
from calcflow.synthetic.render import Patch, make_patch, scene_particles

__all__ = ["DEFAULT_FIELD_MM", "MAGNIFICATION_VIEW", "MAX_FIELD_MM", "MIN_FIELD_MM", "PATTERNS", "PIXEL_MM", "SHAPES",
           "TYPICAL_PATTERN", "VIEWS", "Particle", "Patch", "make_patch", "scene_particles"]

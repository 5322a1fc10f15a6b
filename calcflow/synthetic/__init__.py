"""Seeded synthetic mammogram patches: calcification particles of each lexicon shape, placed in each distribution
pattern, over breast tissue, seen through a simulated imaging chain. Pure numpy/scipy; nothing here knows the model.
"""
from calcflow.synthetic.render import (DEFAULT_FIELD_MM, MAGNIFICATION_VIEW, MAX_FIELD_MM, MIN_FIELD_MM, PATTERNS,
                                       PIXEL_MM, SHAPES, TYPICAL_PATTERN, VIEWS, Particle, Patch, make_patch,
                                       scene_particles)

__all__ = ["DEFAULT_FIELD_MM", "MAGNIFICATION_VIEW", "MAX_FIELD_MM", "MIN_FIELD_MM", "PATTERNS", "PIXEL_MM", "SHAPES",
           "TYPICAL_PATTERN", "VIEWS", "Particle", "Patch", "make_patch", "scene_particles"]

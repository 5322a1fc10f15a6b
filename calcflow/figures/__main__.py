"""`python -m calcflow.figures` (make figures): regenerate every figure in figures/."""
import sys

from calcflow.figures.registry import main

sys.exit(main())

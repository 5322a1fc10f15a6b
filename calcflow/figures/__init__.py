"""Renderers: flowcharts (Graphviz SVG), tables (HTML and MyST), matplotlib figures and case images, drawn from the
model and the synthetic generator. `make figures` (python -m calcflow.figures) regenerates figures/."""

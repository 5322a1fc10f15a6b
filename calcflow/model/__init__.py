"""The model, pure: the cited data (one loader), the rules, each system's pathway graph, `assess`, and the teaching
data checked against it (outcomes, work-up, case library, question banks, reading cases). No images, no widgets."""

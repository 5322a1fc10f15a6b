"""Publishing: the book's Sphinx extension (light imports), lecture slides, the MyST rewrite they need, and the one
offline checker for every built page."""

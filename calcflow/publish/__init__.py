"""Publishing: the book's Sphinx extension (light imports), lecture slides, the MyST rewrite they need, the one
offline checker for every built page, and what goes to readers from a build: the printed book (pdf) and the USB
copy (dist)."""

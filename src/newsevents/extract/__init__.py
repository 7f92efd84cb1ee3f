"""Extractors: a subpackage per family (actors, quotes, events), plus dates, places and the stage context.

Importing this package does nothing; importing a family's package registers its stage
(``newsevents.pipeline`` does that on first use).
"""

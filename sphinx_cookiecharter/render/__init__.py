"""The charter as standard docutils nodes: sections of text, then one table per category.

Only standard nodes are built (sections, paragraphs, tables, references, literals), so
every Sphinx builder writes them without visitors of ours. Nothing here imports Sphinx.
"""

"""Site: the calendar pages (month grids, agenda, previews, status board), rendered from the loaded content.

``pages.render_pages`` is a pure function over the repository, the findings and the time; ``build`` and
``plugin`` are the thin MkDocs adapter that gathers those pages and hands them to MkDocs. Nothing here
reads the clock, the ledger or the rules' findings for itself: the pipeline hands them over.
"""

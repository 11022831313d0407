"""Site: the calendar pages (month grids, agenda, previews, status board), rendered from the loaded content.

``pages.render_pages`` is a pure function over the repository, the findings and the time; ``plugin`` is
the thin MkDocs adapter that adds those pages to a build. Nothing here reads the clock or writes files.
"""

"""postplan: plan, check, calendar and publish a school's social-media posts from a git repository.

The pipeline, one module a stage: load → check → plan → site / feeds / publish.
"""

"""postplan: plan, check, calendar and publish a school's social-media posts from a git repository.

The pipeline, one module a stage: load → check → plan → site / feeds / publish.
"""

import warnings

# twitter-text-parser still imports pkg_resources (setuptools < 81); its deprecation warning means
# nothing to a school, so it is not shown.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

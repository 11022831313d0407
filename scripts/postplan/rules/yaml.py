"""Front matter or a calendar file that is not valid YAML.

The message gives the line where the YAML reader gave up. Anchors and aliases (``&name``, ``*name``)
and merge keys are refused, because they hide what a post says from its reviewer (and a chain of them
can expand to gigabytes); a key given twice is refused because YAML would silently keep only the last.

Passes::

    status: approved

Fails::

    status: approved
    status: draft        # given twice
    author: [Office      # an unclosed list
"""

from postplan.findings import Severity

ID = "yaml"
SEVERITY = Severity.ERROR
SUMMARY = "Front matter and calendar files must be valid, plain YAML."
POLICY = "Leaders review every post in the pull request: what they read must be what is posted."

"""How well the policy checks catch breaches and leave good posts alone, measured on a labelled corpus.

``corpus`` reads the labelled cases and runs ``postplan validate`` over them as one school; ``score``
compares the findings with the labels; ``report`` prints the figures. ``python -m postplan.accuracy``.
"""

from postplan.accuracy.corpus import ANNOUNCED_RULES, CORPUS, PINNED_NOW, Case, load_corpus
from postplan.accuracy.report import main
from postplan.accuracy.score import KIND_OF, KINDS, TARGETS, Score, measure

__all__ = ["ANNOUNCED_RULES", "CORPUS", "KINDS", "KIND_OF", "PINNED_NOW", "TARGETS", "Case", "Score", "load_corpus",
           "main", "measure"]

"""A UK postcode (TR1 2AB, GIR 0AA), as the rules recognise one: not a rule, a pattern two rules share.

postal-address reports a postcode; text-speak must not read one's letters and digits as text-speak.
"""

from postplan import lazyre

POSTCODE = lazyre.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b")

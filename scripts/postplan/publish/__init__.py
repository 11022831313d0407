"""Publish: approved posts go out when they fall due, exactly once, and the ledger says what happened.

The steps, each in its own module: ``due`` (find due posts), ``claim`` (write the claim before a
message is sent), ``send`` (through a ``platform.Publisher``: ``x`` or the ``outbox``), ``record``
(write the outcome). ``run`` puts them in order; ``ledger`` reads and writes the ledger file, and
``view`` is the read-only view of it that the other stages are handed.
"""

from postplan.publish.ledger import POST_STATES, ledger_records, ledger_states

__all__ = ["POST_STATES", "ledger_records", "ledger_states"]

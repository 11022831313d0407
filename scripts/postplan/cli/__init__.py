"""The ``postplan`` command: each command wires its options into a library call and says what happened.

The commands live by what they do (``checking``, ``drafting``, ``building``, ``publishing``); the
options they share are defined once in ``options``.
"""

from __future__ import annotations

import gc
import os
import sys

import click

from postplan.cli import building, checking, consenting, drafting, publishing
from postplan.cli.options import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Failure

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "Failure", "cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="postplan")
def cli() -> None:
    """Plan, check and publish a school's social-media posts from a git repository.

    \b
    Example:
        postplan validate            # check every post against the school's policy
    """


for command in (checking.validate, checking.rules, publishing.record_feeds, building.bench, publishing.publish,
                publishing.takedown, publishing.status, drafting.new, drafting.plan_command, checking.preview,
                checking.schema, building.build, building.serve, building.media, checking.accuracy, consenting.consent,
                building.workflows):
    cli.add_command(command)


def main() -> None:
    """Entry point: an unexpected error is one clear line (the traceback only with POSTPLAN_DEBUG=1)."""
    # A command runs for seconds and makes many small objects that almost never form cycles: collecting
    # less often saves a tenth of a check's time, and memory stays within a few tens of megabytes.
    gc.set_threshold(50_000, 20, 100)
    # postplan uses no pydantic plugins, and looking for them reads every installed package's metadata
    # when the first model is made (20 ms of each check's start-up); nor should one installed beside it
    # see a school's posts. A setting made outside is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("postplan: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("POSTPLAN_DEBUG"):
            raise
        click.echo(f"postplan: unexpected error: {type(error).__name__}: {error}\n"
                   "Please report this, with the command you ran (POSTPLAN_DEBUG=1 shows the details).",
                   err=True)
        sys.exit(EXIT_USAGE)

"""The school's settings: the ``extra: postplan:`` block of ``mkdocs.yml``.

They live in the file the site is already configured in, so a school edits one file. Only that block is
read here; the rest of ``mkdocs.yml`` belongs to MkDocs (and may use tags such as ``!!python/name``
that a safe YAML reader must not run).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from postplan import yamlsource
from postplan.models import Settings
from postplan.validation import describe_errors

SETTINGS_FILE = "mkdocs.yml"
EXAMPLE = """extra:
  postplan:
    school: Tregarrow Community Primary School
    accounts:
      school: {platform: x, handle: "@TregarrowCP"}
    leaders: [Mrs Hart]"""


class SettingsError(Exception):
    """The settings cannot be used; the message names the file and line and says what to change."""


def load_settings(root: Path) -> Settings:
    path = root / SETTINGS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(
            f"{SETTINGS_FILE}: not found in {root.name or root}/ — is --root the school's repository? "
            f"A school's settings start like this:\n{EXAMPLE}"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{SETTINGS_FILE}: cannot be read ({error})") from None
    try:
        document = yamlsource.compose(text)
        node = yamlsource.find(document, "extra", "postplan")
        if node is None:
            raise SettingsError(
                f"{SETTINGS_FILE}: there is no 'extra: postplan:' block with the school's settings; "
                f"add one like this:\n{EXAMPLE}"
            )
        data, lines = yamlsource.to_python(node)
    except yamlsource.YamlError as error:
        raise SettingsError(f"{SETTINGS_FILE}:{error.line}: {error.message}") from None
    if not isinstance(data, dict):
        line = node.start_mark.line + 1
        raise SettingsError(f"{SETTINGS_FILE}:{line}: 'postplan:' must hold settings like 'school: …'")
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        first = describe_errors(error, Settings, lines, default_line=node.start_mark.line + 1)
        problems = "\n".join(
            f"{SETTINGS_FILE}:{p.line}: {p.message}" + (f" ({p.fix})" if p.fix else "") for p in first
        )
        raise SettingsError(problems) from None

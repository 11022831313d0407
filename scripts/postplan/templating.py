"""Post templates: staff-edited Jinja2 text, rendered in a sandbox with typed values from the calendar.

A template in ``templates/posts/<id>.md.j2`` is content, not code: it is rendered with Jinja2's
``SandboxedEnvironment`` (no access to Python internals) and ``StrictUndefined`` (a misspelt variable is
an error, never a silent blank). Every failure becomes a ``TemplateProblem`` with the template's path
and line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import signal
import threading
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from postplan.models import Campaign, Event, Settings

TEMPLATES_DIR = "templates/posts"
SUFFIX = ".md.j2"
MAX_TEMPLATE_BYTES = 20_000
MAX_OUTPUT_CHARS = 10_000  # a long thread at most; anything longer is a runaway loop


class TemplateProblem(Exception):
    """A template that cannot be found, read or rendered, with the place to fix it."""

    def __init__(self, message: str, path: str, line: int = 1, fix: str = ""):
        super().__init__(message)
        self.message, self.path, self.line, self.fix = message, path, line, fix

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" + (f" ({self.fix})" if self.fix else "")


# --- British date wording -----------------------------------------------------------------------


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def long_date(value: dt.date | dt.datetime) -> str:
    """Thursday 1 June."""
    day = _day(value)
    return f"{day:%A} {day.day} {day:%B}"


def short_date(value: dt.date | dt.datetime) -> str:
    """1 June."""
    day = _day(value)
    return f"{day.day} {day:%B}"


def ordinal_date(value: dt.date | dt.datetime) -> str:
    """1st June."""
    day = _day(value)
    return f"{ordinal(day.day)} {day:%B}"


def weekday(value: dt.date | dt.datetime) -> str:
    """Thursday."""
    return f"{_day(value):%A}"


def clock_time(value: dt.time | dt.datetime) -> str:
    """2pm, 3:30pm, 12 noon: how a school letter writes a time."""
    moment = value.time() if isinstance(value, dt.datetime) else value
    if moment == dt.time(12, 0):
        return "12 noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def money(value: Decimal | int | float) -> str:
    """£15, £15.50."""
    amount = Decimal(str(value))
    return f"£{amount:,.0f}" if amount == amount.to_integral() else f"£{amount:,.2f}"


def first_sentence(text: str) -> str:
    """The first sentence of a description: enough for a post, short enough to fit."""
    match = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return match[1] if match else " ".join(text.split())


@jinja2.pass_context
def on_day(context: jinja2.runtime.Context, value: dt.date | dt.datetime) -> str:
    """today, tomorrow, yesterday, on Friday (within a week), or on Friday 27 November."""
    return _relative(context, value, "on")


@jinja2.pass_context
def by_day(context: jinja2.runtime.Context, value: dt.date | dt.datetime) -> str:
    """today, tomorrow, by Friday (within a week), or by Friday 27 November."""
    return _relative(context, value, "by")


def _relative(context: jinja2.runtime.Context, value: dt.date | dt.datetime, word: str) -> str:
    posted = context.get("posted_on")
    day = _day(value)
    if not isinstance(posted, dt.date):
        return f"{word} {long_date(day)}"
    gap = (day - posted).days
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if gap in named:
        return named[gap]
    if 1 < gap < 7 or (-7 < gap < -1 and word == "on"):
        return f"{word} {weekday(day)}"
    return f"{word} {long_date(day)}"


def _given(name: str, function):
    """A filter that says which value is missing, instead of failing somewhere inside Python."""

    @functools.wraps(function)
    def checked(*args):
        for value in args:
            if isinstance(value, jinja2.Undefined):
                value._fail_with_undefined_error()
        if args[-1] is None:
            raise ValueError(f"the {name} filter was given an empty value: this event does not have it")
        return function(*args)

    return checked


FILTERS = {name: _given(name, function) for name, function in {
    "long_date": long_date,
    "short_date": short_date,
    "ordinal_date": ordinal_date,
    "weekday": weekday,
    "time": clock_time,
    "money": money,
    "first_sentence": first_sentence,
    "on_day": on_day,
    "by_day": by_day,
}.items()}


# --- the values a template receives -------------------------------------------------------------


_SPECIAL_AUDIENCES = {"whole-school": "everyone", "ks1": "KS1", "ks2": "KS2", "eyfs": "EYFS",
                      "prospective-families": "prospective families"}


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def audience_words(audience: list[str]) -> str:
    """["year-2", "year-3"] → "Year 2 and Year 3"; ["whole-school"] → "everyone"."""
    return _and([_SPECIAL_AUDIENCES.get(a) or a.replace("-", " ").capitalize() for a in audience])


def families_words(audience: list[str]) -> str:
    """Who a reminder speaks to: "Year 6 families", "all our families", "prospective families"."""
    if "whole-school" in audience:
        return "all our families"
    words = [_SPECIAL_AUDIENCES.get(a) or a.replace("-", " ").capitalize() for a in audience]
    plain = [w for w in words if not w.endswith(("families", "team", "governors"))]
    if len(plain) == len(words):
        return _and(words) + " families"
    return _and([w if w not in plain else f"{w} families" for w in words])


def event_values(event: Event) -> dict[str, object]:
    """What a template knows about an event. A trip's times and place are never given to a template."""
    timed = not event.all_day and event.kind != "trip"
    end = event.end if timed else None
    return {
        "event_id": event.id,
        "title": event.title,
        "kind": event.kind,
        "date": event.first_day,
        "end_date": event.last_day,
        "weekday": weekday(event.first_day),
        "several_days": event.last_day != event.first_day,
        "start_time": event.start.time() if timed else None,
        "end_time": end.time() if isinstance(end, dt.datetime) else None,
        "amount": event.amount,
        "audience": audience_words(event.audience),
        "families": families_words(event.audience),
        "whole_school": "whole-school" in event.audience,
        "description": event.description,
        "location": None if event.kind == "trip" else event.location,
    }


def campaign_values(campaign: Campaign) -> dict[str, object]:
    """What a template knows about a campaign or awareness week."""
    return {
        "campaign_id": campaign.id,
        "title": campaign.name,
        "name": campaign.name,
        "kind": "campaign",
        "date": campaign.start,
        "end_date": campaign.end,
        "weekday": weekday(campaign.start),
        "several_days": campaign.end != campaign.start,
        "hashtags": " ".join(campaign.hashtags),
        "link": campaign.link,
        "description": campaign.description,
    }


def school_values(settings: Settings, posted_on: dt.date) -> dict[str, object]:
    values: dict[str, object] = {"school": settings.school, "posted_on": posted_on}
    if settings.website_domains:
        values["website"] = f"https://{settings.website_domains[0]}"
    return values


# --- rendering ----------------------------------------------------------------------------------

MAX_RANGE = 1000  # a template may count, but not spin
MAX_REPEAT = 1000
TIME_LIMIT_SECONDS = 2.0


def small_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SecurityError(f"range() is limited to {MAX_RANGE} numbers in a template")
    return numbers


class PostSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, also refusing to build huge values (``"x" * 10**9``) that would exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):  # noqa: ANN001 - Jinja2's signature
        if operator == "**" and isinstance(right, int) and right > 100:
            raise SecurityError("powers above 100 are not allowed in a template")
        if operator == "*":
            for value, times in ((left, right), (right, left)):
                if isinstance(value, (str, list, tuple)) and isinstance(times, int) and times > MAX_REPEAT:
                    raise SecurityError(f"repeating text more than {MAX_REPEAT} times is not allowed in a template")
        return super().call_binop(context, operator, left, right)


@contextlib.contextmanager
def time_limit(seconds: float, path: str):
    """Stop a template that loops for too long (on the main thread of a POSIX system; elsewhere, no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def stop(signum, frame):  # noqa: ANN001 - a signal handler's signature
        raise TemplateProblem(f"the template took longer than {seconds:g} seconds: does it loop?", path)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Templates:
    """The school's post templates, loaded from ``templates/posts/`` under the repository root."""

    root: Path

    @property
    def folder(self) -> Path:
        return self.root / TEMPLATES_DIR

    def names(self) -> list[str]:
        return sorted(p.name.removesuffix(SUFFIX) for p in self.folder.glob(f"*{SUFFIX}"))

    def path_of(self, name: str) -> str:
        return f"{TEMPLATES_DIR}/{name}{SUFFIX}"

    @functools.cached_property
    def environment(self) -> SandboxedEnvironment:
        """One sandbox per school: Jinja2 keeps each compiled template until its file changes."""
        env = PostSandbox(
            loader=jinja2.FileSystemLoader(self.folder),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # posts are plain text, not HTML
            keep_trailing_newline=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters.update(FILTERS)
        env.globals = {"range": small_range}  # nothing else: no lipsum, cycler, joiner or namespace
        return env

    def check(self, name: str) -> None:
        """Raise a ``TemplateProblem`` if the template is missing or not valid Jinja2."""
        self._load(self.environment, name)

    def render(self, name: str, values: dict[str, object]) -> str:
        """The post text the template writes for these values, stripped of surrounding blank lines."""
        env = self.environment
        template = self._load(env, name)
        path = self.path_of(name)
        try:
            with time_limit(TIME_LIMIT_SECONDS, path):
                text = _bounded(template.generate(values), path)
        except SecurityError as error:
            raise TemplateProblem(f"the template tried something not allowed in a template: {error}", path,
                                  _line_of(error, path),
                                  "use only the values and filters listed in templates/README.md") from None
        except jinja2.UndefinedError as error:
            raise TemplateProblem(f"the template uses a value it was not given: {error.message}", path,
                                  _line_of(error, path), _undefined_fix(error.message or "")) from None
        except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, RecursionError) as error:
            raise TemplateProblem(f"the template could not be rendered: {error}", path,
                                  _line_of(error, path)) from None
        text = "\n".join(line.rstrip() for line in text.strip().splitlines())
        if not text:
            raise TemplateProblem("the template wrote no text", path)
        return text

    def _load(self, env: SandboxedEnvironment, name: str) -> jinja2.Template:
        path = self.path_of(name)
        file = self.folder / f"{name}{SUFFIX}"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not file.is_file():
            known = ", ".join(self.names()) or "none yet"
            raise TemplateProblem(f"there is no template '{name}'", path, 1,
                                  f"the templates in {TEMPLATES_DIR}/ are: {known}")
        if file.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateProblem("the template is too large to be a post template", path)
        try:
            return env.get_template(file.name)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateProblem(f"the template is not valid: {error.message}", path, error.lineno or 1,
                                  "check that every {{ has its }} and every {% if %} its {% endif %}") from None
        except UnicodeDecodeError:
            raise TemplateProblem("the template is not UTF-8 text", path, 1, "save it as UTF-8") from None


def _bounded(pieces, path: str) -> str:
    """Join the rendered pieces, stopping as soon as there is more than any post could hold."""
    text, size = [], 0
    for piece in pieces:
        text.append(piece)
        size += len(piece)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateProblem(f"the template wrote more than {MAX_OUTPUT_CHARS} characters: far more "
                                  "than a post", path)
    return "".join(text)


def _line_of(error: BaseException, path: str) -> int:
    """The template line a rendering error happened on, from the traceback Jinja2 rewrites for templates."""
    line, tb = 1, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(Path(path).name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


_EVENT_VALUES = {"event_id", "campaign_id", "title", "kind", "date", "end_date", "weekday", "several_days",
                 "start_time", "end_time", "amount", "audience", "families", "whole_school", "description",
                 "location", "name", "hashtags", "link"}


def _undefined_fix(message: str) -> str:
    match = re.match(r"'(\w+)' is undefined", message)
    name = match[1] if match else ""
    if name == "website":
        return "add the school's website to website_domains: in mkdocs.yml"
    if name in _EVENT_VALUES:
        return "this template is about an event or campaign: give one with --event ID (or --campaign ID)"
    return "check the spelling: templates/README.md lists the values a template receives"

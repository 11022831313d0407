"""The sandbox post templates are rendered in: Jinja2's, with limits on size and time.

A template is content, not code: Jinja2's ``SandboxedEnvironment`` keeps it from Python's internals;
this one also refuses to build huge values (``"x" * 10**9``), to count past a thousand, to write more
than any post could hold, or to run for longer than a couple of seconds. The time limit works on any
thread: the render is stopped by an exception raised in the thread that runs it.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import functools
import re
import threading
from collections.abc import Iterable, Iterator

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from postplan.wording import (by_or_on, clock_time, first_sentence, long_date, money, ordinal_date, short_date,
                              weekday)

MAX_RANGE = 1000  # a template may count, but not spin
MAX_REPEAT = 1000
MAX_OUTPUT_CHARS = 10_000  # a long thread at most; anything longer is a runaway loop


class TemplateProblem(Exception):
    """A template that cannot be found, read or rendered, with the place to fix it."""

    def __init__(self, message: str, path: str, line: int = 1, fix: str = ""):
        super().__init__(message)
        self.message, self.path, self.line, self.fix = message, path, line, fix

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" + (f" ({self.fix})" if self.fix else "")


def small_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise SecurityError(f"range() is limited to {MAX_RANGE} numbers in a template")
    return numbers


class PostSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, also refusing to build huge values (``"x" * 10**9``) that would exhaust memory."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context, operator, left, right):  # noqa: ANN001 - Jinja2's signature
        if operator == "**" and isinstance(right, int) and right > 100:
            raise SecurityError("powers above 100 are not allowed in a template")
        if operator == "%" and isinstance(left, str):
            _refuse_wide(left, _PERCENT_WIDTHS)
        if operator == "*":
            for value, times in ((left, right), (right, left)):
                if isinstance(value, (str, list, tuple)) and isinstance(times, int) and (
                        times > MAX_REPEAT or len(value) * times > MAX_OUTPUT_CHARS):
                    raise SecurityError(f"repeating text more than {MAX_REPEAT} times, or to more than "
                                        f"{MAX_OUTPUT_CHARS} characters, is not allowed in a template")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja2's signature
        _checked_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


# A width or precision in a format ("%200000000d", "{:>200000000}") builds that much text at once.
_PERCENT_WIDTHS = re.compile(r"%[-+ #0]*(\d+)?(?:\.(\d+))?")
_BRACE_WIDTHS = re.compile(r"\{[^{}]*:[^{}]*?(\d+)(?:\.(\d+))?[^{}]*\}")
_WIDENING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def _refuse_wide(text: str, pattern: re.Pattern[str]) -> None:
    for match in pattern.finditer(text):
        if any(group and int(group) > MAX_OUTPUT_CHARS for group in match.groups()):
            raise SecurityError(f"text wider than {MAX_OUTPUT_CHARS} characters is not allowed in a template")


def _checked_call(obj: object, args: tuple, kwargs: dict) -> None:
    """Refuse a string method that would build far more text than any post (``'x'.center(10**9)``)."""
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in _WIDENING and any(isinstance(a, int) and a > MAX_OUTPUT_CHARS for a in (*args, *kwargs.values())):
        raise SecurityError(f"text wider than {MAX_OUTPUT_CHARS} characters is not allowed in a template")
    if name in ("format", "format_map"):
        _refuse_wide(owner, _BRACE_WIDTHS)


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


@jinja2.pass_context
def on_day(context: jinja2.runtime.Context, value: dt.date | dt.datetime) -> str:
    """today, tomorrow, yesterday, on Friday (within a week), or on Friday 27 November."""
    return by_or_on(value, context.get("posted_on"), "on")


@jinja2.pass_context
def by_day(context: jinja2.runtime.Context, value: dt.date | dt.datetime) -> str:
    """today, tomorrow, by Friday (within a week), or by Friday 27 November."""
    return by_or_on(value, context.get("posted_on"), "by")


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


def sandbox(**options: object) -> PostSandbox:
    """A sandbox for post templates: plain text, and ``range`` the only global (no lipsum, cycler, joiner)."""
    environment = PostSandbox(autoescape=False, keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True,
                              **options)
    environment.globals = {"range": small_range}
    return environment


def render_limited(template: jinja2.Template, values: dict[str, object], path: str, seconds: float) -> str:
    """The template's text for these values, stopped when it runs too long or writes too much."""
    with time_limit(seconds, path):
        return _bounded(template.generate(values), path)


def _bounded(pieces: Iterable[str], path: str) -> str:
    """Join the rendered pieces, stopping as soon as there is more than any post could hold."""
    text, size = [], 0
    for piece in pieces:
        text.append(piece)
        size += len(piece)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateProblem(f"the template wrote more than {MAX_OUTPUT_CHARS} characters: far more "
                                  "than a post", path)
    return "".join(text)


class _TookTooLong(Exception):
    """Raised inside the rendering thread when its time is up."""


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    """Have ``thread`` raise ``exception`` at its next Python instruction (None: forget one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                               ctypes.py_object(exception) if exception else None)


@contextlib.contextmanager
def time_limit(seconds: float, path: str) -> Iterator[None]:
    """Stop the code inside after ``seconds``, on whichever thread it runs (a signal would need the main one).

    A timer thread raises ``_TookTooLong`` in this thread; once the code inside has finished, the timer
    can no longer do so, and a stop it sent too late to be raised is withdrawn.
    """
    thread, lock, state = threading.get_ident(), threading.Lock(), {"done": False, "sent": False}

    def stop() -> None:
        with lock:
            if not state["done"]:
                state["sent"] = True
                _raise_in(thread, _TookTooLong)

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        try:
            yield
        finally:
            with lock:
                state["done"] = True
            timer.cancel()
            if state["sent"]:
                _raise_in(thread, None)
    except _TookTooLong:
        raise TemplateProblem(f"the template took longer than {seconds:g} seconds: does it loop?", path) from None

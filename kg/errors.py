"""Errors the command line turns into one-line messages with distinct exit codes."""

from __future__ import annotations


def first_line(error: BaseException) -> str:
    """The first line of an error's message (its type's name when it has none), for one-line
    messages that quote a library's error."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


class KgError(Exception):
    """Base of reform-kg's own errors; the message is one line meant for the user."""

    exit_code = 2


class InputError(KgError):
    """Bad input: an unreadable or non-UTF-8 article, a missing file, an empty seeds folder."""

    exit_code = 2


class QueryError(KgError):
    """A query that cannot run: bad SPARQL, an update, an unknown stored query or parameter."""

    exit_code = 2


class DataError(KgError):
    """The data itself is at fault: a graph that does not conform, a query failing on the data."""

    exit_code = 1


class ExtractionError(KgError):
    """A component of the pipeline failed on an article: a bug in reform-kg, not in the article.
    The message names the article and the component, so that the article can be reported."""

    exit_code = 3

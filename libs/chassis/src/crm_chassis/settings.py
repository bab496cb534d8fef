"""Settings from environment variables, validated once at start.

A process calls ``load(SomeSettings)`` (a frozen dataclass whose fields carry ``env(...)``
metadata) and gets either a fully valid object or a ``ConfigError`` naming every bad or
missing variable at once, so an operator fixes the deployment in one go.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlparse

T = TypeVar("T")


class ConfigError(Exception):
    """The environment does not describe a runnable process; the message lists every problem."""


@dataclasses.dataclass(frozen=True)
class EnvSpec:
    name: str
    help: str
    parse: Callable[[str], Any]
    default: Any = dataclasses.MISSING


def env(name: str, help: str, *, default: Any = dataclasses.MISSING, parse: Callable[[str], Any] = str) -> Any:
    """Declare a dataclass field read from environment variable `name`."""
    spec = EnvSpec(name=name, help=help, parse=parse, default=default)
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata={"env": spec})
    return dataclasses.field(default=default, metadata={"env": spec})


def parse_port(raw: str) -> int:
    """A TCP port 0..65535 (0 means 'disabled' or 'pick one' where the setting says so)."""
    value = int(raw)
    if not 0 <= value <= 65535:
        raise ValueError("must be a port number between 0 and 65535")
    return value


def parse_positive_float(raw: str) -> float:
    value = float(raw)
    if value <= 0:
        raise ValueError("must be greater than 0")
    return value


def parse_positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError("must be a whole number greater than 0")
    return value


def url_parser(*schemes: str) -> Callable[[str], str]:
    """A parser accepting URLs whose scheme starts with one of `schemes`."""

    def parse(raw: str) -> str:
        scheme = urlparse(raw).scheme
        if not any(scheme == s or scheme.startswith(s + "+") for s in schemes):
            raise ValueError(f"must be a URL starting with {' or '.join(s + '://' for s in schemes)}")
        return raw

    return parse


def choice(*options: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(f"must be one of {', '.join(options)}")
        return raw

    return parse


def load(cls: type[T], environ: Mapping[str, str] | None = None) -> T:
    """Build `cls` from the environment or raise ConfigError listing every problem."""
    source = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    problems: list[str] = []
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        spec: EnvSpec | None = field.metadata.get("env")
        if spec is None:
            continue
        raw = source.get(spec.name)
        if raw is None or raw == "":
            if spec.default is dataclasses.MISSING:
                problems.append(f"{spec.name} is required: {spec.help}")
            continue
        try:
            values[field.name] = spec.parse(raw)
        except ValueError as exc:
            problems.append(f"{spec.name}={raw!r} is invalid: {exc} ({spec.help})")
    if problems:
        raise ConfigError("invalid configuration:\n  - " + "\n  - ".join(problems))
    return cls(**values)


def describe(cls: type) -> list[tuple[str, str, str]]:
    """(variable, default, help) for every setting of `cls`, for READMEs and --help."""
    rows = []
    for field in dataclasses.fields(cls):
        spec: EnvSpec | None = field.metadata.get("env")
        if spec is not None:
            default = "(required)" if spec.default is dataclasses.MISSING else repr(spec.default)
            rows.append((spec.name, default, spec.help))
    return rows

import dataclasses

import pytest

from crm_chassis.settings import ConfigError, env, load, parse_port, url_parser


@dataclasses.dataclass(frozen=True)
class Example:
    url: str = env("X_URL", "database URL", parse=url_parser("sqlite", "postgresql"))
    port: int = env("X_PORT", "port", default=8080, parse=parse_port)


def test_defaults_apply_and_values_parse():
    s = load(Example, {"X_URL": "postgresql+psycopg2://h/db"})
    assert s.url == "postgresql+psycopg2://h/db"
    assert s.port == 8080
    assert load(Example, {"X_URL": "sqlite:///a.db", "X_PORT": "9"}).port == 9


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as err:
        load(Example, {"X_PORT": "70000"})
    text = str(err.value)
    assert "X_URL is required" in text
    assert "X_PORT='70000' is invalid" in text


def test_wrong_scheme_is_refused():
    with pytest.raises(ConfigError, match="must be a URL starting with sqlite:// or postgresql://"):
        load(Example, {"X_URL": "mysql://h/db"})

"""Kill the relay (SIGKILL) while it publishes, restart it: every event arrives exactly once."""

import pytest

from crm_testkit.wait import eventually

pytestmark = [pytest.mark.fault, pytest.mark.integration]


def test_relay_killed_mid_stream_loses_and_doubles_nothing(slice_factory):
    s = slice_factory()
    created = [s.create(f"before-{i}") for i in range(30)]
    s.cluster.kill("customers-relay")  # no chance to mark what it just published
    created += [s.create(f"while-dead-{i}") for i in range(30)]  # committed, not yet published
    assert s.summary().total < len(created), "events created while the relay is dead cannot have arrived"
    s.cluster.start("customers-relay")
    created += [s.create(f"after-{i}") for i in range(10)]
    eventually(lambda: s.summary().total == len(created), timeout=30, what="every customer in the read model")
    summary = s.summary()
    assert summary.total == len(created) == 70
    assert [(o.owner_id, o.count) for o in summary.by_owner] == [("u1", 70)]

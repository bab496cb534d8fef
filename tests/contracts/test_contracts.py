"""Contracts: generated code is current, protos lint clean, registries match READMEs and protos."""

import filecmp
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from google.protobuf import descriptor_pool
from nameko.events import EventHandler

from crm_chassis.worker import ReliableEventHandler
from crm_runner.suite import SERVICE_PACKAGES, registries, specs

ROOT = Path(__file__).resolve().parents[2]


def test_generated_contracts_are_current(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "libs/contracts/generate.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    committed = ROOT / "libs/contracts/src/crm"

    def differences(cmp: filecmp.dircmp) -> list[str]:
        out = [f"{cmp.left}/{n}" for n in cmp.diff_files + cmp.left_only + cmp.right_only if n != "__pycache__"]
        for sub in cmp.subdirs.values():
            out += differences(sub)
        return out

    stale = differences(filecmp.dircmp(tmp_path / "crm", committed, ignore=["__pycache__"]))
    assert not stale, f"libs/contracts is stale; run `make contracts`: {stale}"


def test_protos_pass_buf_lint():
    buf = ROOT / ".tools/node_modules/.bin/buf"
    assert buf.exists() or shutil.which("buf"), "buf is not installed; run `make install`"
    result = subprocess.run(
        [str(buf) if buf.exists() else "buf", "lint"], cwd=ROOT / "protos", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _schema_exists(full_name: str) -> bool:
    package = ".".join(full_name.split(".")[:3])  # crm.<svc>.v1
    svc = package.split(".")[1]
    importlib.import_module(f"{package}.{svc}_events_pb2")
    try:
        descriptor_pool.Default().FindMessageTypeByName(full_name)
        return True
    except KeyError:
        return False


def test_every_registered_event_exists_in_protos():
    for registry in registries():
        for p in registry.publishes:
            assert _schema_exists(p.schema), f"{registry.service} publishes unknown {p.schema}"
        for c in registry.consumes:
            assert _schema_exists(c.schema), f"{registry.service} consumes unknown {c.schema}"


def test_consumed_events_are_published_by_their_source_and_reporting_reads_everything():
    by_service = {r.service: r for r in registries()}
    published = {(r.service, p.event_type): p.schema for r in registries() for p in r.publishes}
    for registry in registries():
        for c in registry.consumes:
            assert published.get((c.source, c.event_type)) == c.schema, f"{registry.service}: {c} is not published"
    consumed_by_reporting = {(c.source, c.event_type) for c in by_service["reporting"].consumes}
    # Every event has a consumer, so mandatory publishing never finds it unroutable.
    assert set(published) <= consumed_by_reporting


ROW = re.compile(r"^\|\s*(publishes|consumes)\s*\|\s*`?([a-z_]+)`?\s*\|\s*`?([\w.]+)`?\s*\|\s*`?([\w.-]*)`?\s*\|", re.M)


@pytest.mark.parametrize("spec", specs(), ids=lambda s: s.name)
def test_readme_event_table_matches_the_registry(spec):
    readme = (ROOT / "services" / spec.name / "README.md").read_text()
    documented = {(m[0], m[1], m[2], m[3]) for m in ROW.findall(readme)}
    module, _, attr = spec.registry.partition(":")
    registry = getattr(importlib.import_module(module), attr)
    expected = {("publishes", p.event_type, p.schema, "-") for p in registry.publishes}
    expected |= {("consumes", c.event_type, c.schema, f"{c.source}") for c in registry.consumes}
    documented = {(d, e, s, src if d == "consumes" else "-") for d, e, s, src in documented}
    assert documented == expected, f"services/{spec.name}/README.md events table disagrees with the registry"


@pytest.mark.parametrize("package", SERVICE_PACKAGES)
def test_worker_handlers_match_the_registry(package):
    spec = importlib.import_module(f"{package}.config").SPEC
    module, _, attr = spec.registry.partition(":")
    registry = getattr(importlib.import_module(module), attr)
    wmod, _, wattr = spec.worker.partition(":")
    worker = getattr(importlib.import_module(wmod), wattr)
    assert worker.name == registry.service
    subscribed = set()
    for name in dir(worker):
        for entrypoint in getattr(getattr(worker, name), "nameko_entrypoints", ()):
            if isinstance(entrypoint, EventHandler):
                # A plain @event_handler would drop a message whose handler fails.
                assert isinstance(entrypoint, ReliableEventHandler), f"{name} must use reliable_handler"
                subscribed.add((entrypoint.source_service, entrypoint.event_type, name))
    assert subscribed == {(c.source, c.event_type, c.handler) for c in registry.consumes}

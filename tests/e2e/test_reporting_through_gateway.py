"""Reporting end to end (issue 8): customers created through the gateway reach the reporting read
models through the bus; standard reports answer within the caller's data scope (a rep: their own
rows; a manager: the department) as JSON, CSV, XLSX, SVG and PNG with the same numbers; saved
definitions and dashboards; unknown reports, dimensions, measures and backwards periods are a
clear 4xx."""

from __future__ import annotations

import csv
import io
import uuid
import xml.etree.ElementTree as ET

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PROCS = ("customers-grpc", "customers-worker", "customers-relay", "reporting-grpc", "reporting-worker", "gateway")
PASSWORD = "reporting-tester-2026"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("reporting-e2e") / "var",
        vhost.url,
        redis_url,
        f"crm_reporting_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000"},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc", "reporting-grpc")
        eventually(lambda: httpx.get(f"{c.gateway_url}/healthz").status_code == 200, timeout=60, what="gateway up")
        yield c
    finally:
        c.close()
        vhost.close()


def _client(cluster: Cluster, username: str, password: str) -> httpx.Client:
    login = httpx.post(f"{cluster.gateway_url}/v1/auth/login", json={"username": username, "password": password})
    assert login.status_code == 200, login.text
    token = login.json()["access_token"]
    return httpx.Client(base_url=cluster.gateway_url, timeout=20, headers={"Authorization": f"Bearer {token}"})


def _ok(response: httpx.Response, status: int = 200):
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    return response


def _problem(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    if code is not None:
        assert body["code"] == code, body
    return body


@pytest.fixture(scope="module")
def org(cluster):
    """Two reps and a manager in one department, each with customers of their own."""
    with _client(cluster, "admin", "test-admin-pw") as admin:
        dept = _ok(
            admin.post("/v1/departments", json={"name": f"Rep E2E {uuid.uuid4().hex[:6]}", "parent_id": None}), 201
        )
        ids, names = {}, {}
        for key, roles in (("rep1", ["sales_rep"]), ("rep2", ["sales_rep"]), ("manager", ["sales_manager"])):
            username = f"{key}-{uuid.uuid4().hex[:6]}"
            body = {
                "username": username,
                "password": PASSWORD,
                "display_name": key,
                "department_id": dept.json()["id"],
                "roles": roles,
            }
            ids[key] = _ok(admin.post("/v1/users", json=body), 201).json()["id"]
            names[key] = username
        clients = {k: _client(cluster, names[k], PASSWORD) for k in names}
        created = {"rep1": ["vip", "vip", "potential"], "rep2": ["important"], "manager": ["vip"]}
        for key, classes in created.items():
            for n, classification in enumerate(classes):
                name = f"{key} Co {n} {uuid.uuid4().hex[:6]}"
                _ok(
                    clients[key].post(
                        "/v1/customers", json={"name": name, "classification": classification, "region": "east"}
                    ),
                    201,
                )

        def arrived() -> bool:
            rows = clients["manager"].get("/v1/reports/new_customers", params={"granularity": "year"}).json()["rows"]
            return sum(r["new_customers"] for r in rows) == 5

        eventually(arrived, timeout=60, what="customer events folded into the reporting read models")
        try:
            yield {"admin": admin, "ids": ids, "dept": dept.json()["id"], **clients}
        finally:
            for c in clients.values():
                c.close()


def test_catalogue_lists_the_21_reports_and_the_datasets(org):
    body = _ok(org["rep1"].get("/v1/reports")).json()
    assert [r["number"] for r in body["reports"]] == list(range(1, 22))
    assert {"opportunities", "work_orders", "customers"} <= {d["name"] for d in body["datasets"]}


def test_scope_a_rep_sees_their_own_a_manager_the_department(org):
    ids = org["ids"]
    as_rep = _ok(org["rep1"].get("/v1/reports/new_customers", params={"granularity": "year"})).json()["rows"]
    assert [(r["owner"], r["new_customers"]) for r in as_rep] == [(ids["rep1"], 3)]
    as_manager = _ok(org["manager"].get("/v1/reports/new_customers", params={"granularity": "year"})).json()["rows"]
    assert sorted((r["owner"], r["new_customers"]) for r in as_manager) == sorted(
        [(ids["rep1"], 3), (ids["rep2"], 1), (ids["manager"], 1)]
    )
    narrowed = org["manager"].get("/v1/reports/new_customers", params={"granularity": "year", "owner": ids["rep2"]})
    assert [(r["owner"], r["new_customers"]) for r in _ok(narrowed).json()["rows"]] == [(ids["rep2"], 1)]
    # A rep asking for someone else's rows gets nothing outside their scope.
    other = org["rep1"].get("/v1/reports/new_customers", params={"owner": ids["rep2"]})
    assert _ok(other).json()["rows"] == []
    by_dept = org["admin"].get("/v1/reports/customer_distribution", params={"department": org["dept"]}).json()
    vip = [r for r in by_dept["rows"] if r["dimension"] == "classification" and r["value"] == "vip"]
    assert vip == [{"dimension": "classification", "value": "vip", "customers": 3}]


def test_every_format_carries_the_same_numbers(org):
    rows = _ok(org["manager"].get("/v1/reports/customer_distribution")).json()["rows"]
    wanted = {(r["dimension"], r["value"]): r["customers"] for r in rows}
    assert wanted[("classification", "vip")] == 3 and wanted[("region", "east")] == 5

    got_csv = _ok(org["manager"].get("/v1/reports/customer_distribution", params={"format": "csv"}))
    assert got_csv.headers["content-type"].startswith("text/csv")
    parsed = list(csv.DictReader(io.StringIO(got_csv.text)))
    assert {(r["dimension"], r["value"]): int(r["customers"]) for r in parsed} == wanted

    from openpyxl import load_workbook

    got_xlsx = _ok(org["manager"].get("/v1/reports/customer_distribution", params={"format": "xlsx"}))
    sheet = load_workbook(io.BytesIO(got_xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("dimension", "value", "customers")
    assert {(d, v or ""): n for d, v, n in values[1:]} == wanted

    svg = _ok(org["manager"].get("/v1/reports/sales_funnel", params={"format": "svg"}))
    assert svg.headers["content-type"].startswith("image/svg+xml")
    ET.fromstring(svg.content)  # well-formed
    chart = _ok(org["manager"].get("/v1/reports/customer_distribution", params={"format": "svg", "chart": "bar"}))
    root = ET.fromstring(chart.content)
    bars = [e.attrib["data-value"] for e in root.iter("{http://www.w3.org/2000/svg}rect") if e.get("class") == "bar"]
    assert sorted(int(v) for v in bars) == sorted(wanted.values())

    from PIL import Image

    png = _ok(org["manager"].get("/v1/reports/customer_distribution", params={"format": "png", "chart": "pie"}))
    assert png.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(png.content))
    image.verify()
    assert image.size == (800, 480)
    # One slice (and legend swatch) per row, each in its own palette colour.
    from gateway.representations.reports import PALETTE

    colours = set(Image.open(io.BytesIO(png.content)).convert("RGB").getdata())
    wanted_colours = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in PALETTE[: len(rows)]}
    assert wanted_colours <= colours

    # CSV and XLSX are exports: a rep (no reports:export) may not.
    _problem(org["rep1"].get("/v1/reports/customer_distribution", params={"format": "csv"}), 403)


def test_bad_report_requests_are_a_clear_4xx(org):
    _problem(org["manager"].get("/v1/reports/no_such_report"), 400, "report.unknown")
    _problem(
        org["manager"].get("/v1/reports/sales_funnel", params={"period": "2026-03-31..2026-03-01"}),
        400,
        "report.period_invalid",
    )
    _problem(org["manager"].get("/v1/reports/sales_funnel", params={"format": "docx"}), 400)
    bad_dim = {"name": "x", "query": {"dataset": "opportunities", "group_by": ["colour"]}}
    _problem(org["manager"].post("/v1/report-definitions", json=bad_dim), 400, "report.unknown_dimension")
    bad_measure = {"name": "x", "query": {"dataset": "opportunities", "measures": ["median:amount"]}}
    _problem(org["manager"].post("/v1/report-definitions", json=bad_measure), 400, "report.unknown_measure")
    bad_dataset = {"name": "x", "query": {"dataset": "planets"}}
    _problem(org["manager"].post("/v1/report-definitions", json=bad_dataset), 400, "report.unknown_dataset")


def test_saved_definitions_and_dashboards(org):
    ids = org["ids"]
    body = {
        "name": "Customers by owner and month",
        "shared": True,
        "query": {
            "dataset": "customers",
            "group_by": ["owner", "created:month"],
            "measures": ["count"],
            "sort": ["-count"],
        },
    }
    created = _ok(org["manager"].post("/v1/report-definitions", json=body), 201)
    definition = created.json()
    run = _ok(org["manager"].get(f"/v1/report-definitions/{definition['id']}/run")).json()
    assert sorted((r["owner"], r["count"]) for r in run["rows"]) == sorted(
        [(ids["rep1"], 3), (ids["rep2"], 1), (ids["manager"], 1)]
    )
    # Shared: rep1 may run it, and sees only their own rows.
    as_rep = _ok(org["rep1"].get(f"/v1/report-definitions/{definition['id']}/run")).json()["rows"]
    assert [(r["owner"], r["count"]) for r in as_rep] == [(ids["rep1"], 3)]
    # Replace with If-Match; a stale one is refused.
    body["query"]["group_by"] = ["classification"]
    changed = _ok(
        org["manager"].put(
            f"/v1/report-definitions/{definition['id']}", json=body, headers={"If-Match": created.headers["etag"]}
        )
    )
    assert changed.json()["version"] == 2
    stale = org["manager"].put(
        f"/v1/report-definitions/{definition['id']}", json=body, headers={"If-Match": created.headers["etag"]}
    )
    assert stale.status_code == 412
    classes = _ok(org["manager"].get(f"/v1/report-definitions/{definition['id']}/run")).json()["rows"]
    assert {r["classification"]: r["count"] for r in classes} == {"important": 1, "potential": 1, "vip": 3}

    dashboard = _ok(org["rep1"].get("/v1/dashboards"))
    assert dashboard.json()["items"] == [] and dashboard.json()["version"] == 0
    items = {"items": [{"report": "new_customers", "period": "2026"}, {"report": f"definition:{definition['id']}"}]}
    saved = _ok(org["rep1"].put("/v1/dashboards", json=items, headers={"If-Match": '"0"'}))
    assert [i["href"] for i in saved.json()["items"]] == [
        "/v1/reports/new_customers",
        f"/v1/report-definitions/{definition['id']}/run",
    ]
    assert _ok(org["rep1"].get("/v1/dashboards")).json()["version"] == 1
    _problem(
        org["rep1"].put("/v1/dashboards", json={"items": [{"report": "nope"}]}, headers={"If-Match": '"1"'}),
        400,
        "report.unknown",
    )
    _ok(org["manager"].delete(f"/v1/report-definitions/{definition['id']}"), 204)
    _problem(org["manager"].get(f"/v1/report-definitions/{definition['id']}"), 404)

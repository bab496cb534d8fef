"""Saved views, neighbours, view export and CSV import end to end: through the gateway to the real
customers service (gRPC server and worker)."""

from __future__ import annotations

import csv
import http.client
import io
import urllib.parse
import uuid

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PROCS = ("customers-grpc", "customers-worker", "gateway")
PASSWORD = "views-tester-2026"
CSV = {"Content-Type": "text/csv"}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("views-import") / "var",
        vhost.url,
        redis_url,
        f"crm_vi_{uuid.uuid4().hex[:8]}",
        extra_env={
            "CRM_RATE_LIMIT_PER_MINUTE": "100000",
            # Batches of 10 rows, one batch per call: progress is visible between polls.
            "CRM_CUSTOMERS_IMPORT_BATCH_SIZE": "10",
            "CRM_CUSTOMERS_IMPORT_SLICE_SECONDS": "0.001",
        },
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc")
        eventually(lambda: httpx.get(f"{c.gateway_url}/healthz").status_code == 200, timeout=60, what="gateway up")
        yield c
    finally:
        c.close()
        vhost.close()


def _client(cluster: Cluster, username: str, password: str) -> httpx.Client:
    login = httpx.post(f"{cluster.gateway_url}/v1/auth/login", json={"username": username, "password": password})
    assert login.status_code == 200, login.text
    token = login.json()["access_token"]
    return httpx.Client(base_url=cluster.gateway_url, timeout=30, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture(scope="module")
def org(cluster):
    admin = _client(cluster, "admin", "test-admin-pw")
    dept = admin.post("/v1/departments", json={"name": f"Views {uuid.uuid4().hex[:4]}", "parent_id": None})
    assert dept.status_code == 201, dept.text
    clients, ids = {"admin": admin}, {}
    for name in ("rep_a", "rep_b"):
        username = f"{name}-{uuid.uuid4().hex[:6]}"
        made = admin.post(
            "/v1/users",
            json={
                "username": username,
                "password": PASSWORD,
                "display_name": name,
                "department_id": dept.json()["id"],
                "roles": ["sales_rep"],
            },
        )
        assert made.status_code == 201, made.text
        ids[name] = made.json()["id"]
        clients[name] = _client(cluster, username, PASSWORD)
    return clients, ids


def _tag() -> str:
    return uuid.uuid4().hex[:8]


def _named(client: httpx.Client, prefix: str) -> list[dict]:
    reply = client.get("/v1/customers", params={"filter": f'name = "{prefix}*"', "order_by": "name", "limit": 200})
    assert reply.status_code == 200, reply.text
    return reply.json()["items"]


def _log_size(admin: httpx.Client) -> int:
    return len(admin.get("/v1/imports/customers", params={"limit": 200}).json()["items"])


def _finish(client: httpx.Client, job: dict) -> tuple[dict, list[dict]]:
    seen = []

    def done() -> bool:
        reply = client.get(f"/v1/imports/customers/{job['id']}")
        assert reply.status_code == 200, reply.text
        seen.append(reply.json())
        return reply.json()["status"] in ("completed", "failed")

    eventually(done, timeout=60, what="import finished")
    return seen[-1], seen


def _report(client: httpx.Client, job_id: str) -> list[dict]:
    items, cursor = [], None
    while True:
        params = {"limit": 200, **({"cursor": cursor} if cursor else {})}
        reply = client.get(f"/v1/imports/customers/{job_id}/report", params=params)
        assert reply.status_code == 200, reply.text
        items += reply.json()["items"]
        cursor = reply.json()["next_cursor"]
        if not cursor:
            return items


def test_dry_run_then_import_with_progress_and_duplicates(org):
    clients, _ = org
    admin = clients["admin"]
    tag = _tag()
    existing = admin.post("/v1/customers", json={"name": f"Imp{tag} Existing Ltd"})
    assert existing.status_code == 201, existing.text
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Level", "Phone", "Tags"])
    for i in range(40):
        writer.writerow([f"Imp{tag} Company {i:02d} Ltd", "A", "", "import;e2e"])
    writer.writerow([f"IMP{tag} EXISTING LTD.", "B", "", ""])  # duplicate of a stored customer
    writer.writerow([f"Imp{tag} Company 00 Ltd", "B", "", ""])  # duplicate of row 1
    writer.writerow(["", "A", "", ""])  # no name
    writer.writerow([f"Imp{tag} Bad Level Ltd", "Z", "", ""])
    data = ("\ufeff" + out.getvalue()).encode()

    dry = admin.post(
        "/v1/imports/customers", params={"dry_run": "true", "file_name": "e2e.csv"}, content=data, headers=CSV
    )
    assert dry.status_code == 202, dry.text
    assert dry.headers["Location"] == f"/v1/imports/customers/{dry.json()['id']}"
    job, _ = _finish(admin, dry.json())
    assert (job["status"], job["total_rows"], job["processed_rows"], job["dry_run"]) == ("completed", 44, 44, True)
    assert (job["created"], job["duplicates"], job["invalid"]) == (40, 2, 2)
    assert [c["name"] for c in _named(admin, f"Imp{tag}")] == [f"Imp{tag} Existing Ltd"]  # nothing written
    rows = _report(admin, job["id"])
    assert [r["outcome"] for r in rows[40:]] == ["duplicate", "duplicate", "invalid", "invalid"]
    assert rows[40]["customer_id"] == existing.json()["id"] and "row 1" in rows[41]["reason"]
    assert rows[42]["code"] == "customer.name_required" and rows[43]["field"] == "level"

    real = admin.post("/v1/imports/customers", content=data, headers=CSV)
    assert real.status_code == 202, real.text
    job, polls = _finish(admin, real.json())
    assert (job["status"], job["created"], job["duplicates"], job["invalid"], job["progress"]) == (
        "completed",
        40,
        2,
        2,
        1.0,
    )
    # Progress is reported while it runs: the upload answer is one batch in, then it only grows.
    assert (real.json()["status"], real.json()["processed_rows"], real.json()["total_rows"]) == ("running", 10, 44)
    progress = [real.json()["processed_rows"]] + [p["processed_rows"] for p in polls]
    assert progress == sorted(progress) and progress[-1] == 44 and len(set(progress)) >= 3
    assert len(_named(admin, f"Imp{tag}")) == 41
    only_dupes = admin.get(f"/v1/imports/customers/{job['id']}/report", params={"outcome": "duplicate"}).json()
    assert [r["row"] for r in only_dupes["items"]] == [41, 42]
    log = admin.get("/v1/imports/customers").json()["items"]
    assert {real.json()["id"], dry.json()["id"]} <= {j["id"] for j in log}


def test_bad_imports_are_clear_4xx_and_write_nothing(org, cluster):
    clients, _ = org
    admin = clients["admin"]
    tag = _tag()
    key = f"size_{tag}"
    defined = admin.post("/v1/custom-fields/customer", json={"key": key, "label": "Size", "type": "number"})
    assert defined.status_code == 201, defined.text
    before = _log_size(admin)
    for body, code in (
        (f'name,level\n"Imp{tag} Open,A\n'.encode(), "import.malformed"),
        (b"name,level\n\xff\xfe bad,A\n", "import.encoding_invalid"),
        (f"name,colour\nImp{tag} X,red\n".encode(), "import.unknown_column"),
        (f"name,custom.nope_{tag}\nImp{tag} X,1\n".encode(), "import.unknown_column"),
        (f"name,level\nImp{tag} X,A,extra\n".encode(), "import.row_width"),
    ):
        reply = admin.post("/v1/imports/customers", content=body, headers=CSV)
        assert reply.status_code == 400, reply.text
        assert reply.headers["content-type"].startswith("application/problem+json")
        assert reply.json()["code"] == code
    assert (
        admin.post(
            "/v1/imports/customers", content=b"name\nX\n", headers={"Content-Type": "application/json"}
        ).status_code
        == 415
    )
    assert (
        admin.post("/v1/imports/customers", params={"mode": "merge"}, content=b"name\nX\n", headers=CSV).status_code
        == 400
    )
    assert clients["rep_a"].post("/v1/imports/customers", content=b"name\nX\n", headers=CSV).status_code == 403

    # A 100 MB upload: refused from its Content-Length, before the body is read.
    url = urllib.parse.urlsplit(cluster.gateway_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.putrequest("POST", "/v1/imports/customers")
    conn.putheader("Authorization", admin.headers["Authorization"])
    conn.putheader("Content-Type", "text/csv")
    conn.putheader("Content-Length", str(100 * 1024 * 1024))
    conn.endheaders()
    conn.send(b"name\n" + b"x" * 65536)
    answer = conn.getresponse()
    assert answer.status == 413
    assert answer.getheader("Content-Type").startswith("application/problem+json")
    conn.close()
    assert _log_size(admin) == before
    assert _named(admin, f"Imp{tag}") == []

    # An invalid custom-field value: a 400 on a single create, an invalid row (with its field) in an import.
    bad = admin.post("/v1/customers", json={"name": f"Imp{tag} Custom", "custom_fields": {key: "many"}})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == f"custom.{key}"
    job = admin.post(
        "/v1/imports/customers",
        content=f"name,custom.{key}\nImp{tag} One,12\nImp{tag} Two,many\n".encode(),
        headers=CSV,
    )
    assert job.status_code == 202, job.text
    done, _ = _finish(admin, job.json())
    rows = _report(admin, done["id"])
    assert [(r["outcome"], r["field"], r["code"]) for r in rows] == [
        ("created", None, None),
        ("invalid", f"custom.{key}", "custom.value_invalid"),
    ]
    assert [c["name"] for c in _named(admin, f"Imp{tag}")] == [f"Imp{tag} One"]


def test_views_neighbours_and_view_export(org):
    clients, _ = org
    rep_a, rep_b, admin = clients["rep_a"], clients["rep_b"], clients["admin"]
    tag = _tag()
    made = {}
    for letter in "ABCD":
        reply = rep_a.post("/v1/customers", json={"name": f"Nb{tag} {letter}", "level": "A" if letter != "C" else "B"})
        assert reply.status_code == 201, reply.text
        made[letter] = reply.json()["id"]
    theirs = rep_b.post("/v1/customers", json={"name": f"Nb{tag} BB"})
    assert theirs.status_code == 201

    for body, code in (
        ({"name": "bad", "filter": "colour = 1"}, "filter.unknown_field"),
        ({"name": "bad", "order_by": "name, level, region, industry, created_at"}, "order_by.too_many_keys"),
    ):
        reply = rep_a.post("/v1/customer-views", json=body)
        assert reply.status_code == 400, reply.text
        assert reply.json()["code"].startswith(code.split(".")[0])
    assert rep_a.get("/v1/customer-views").json()["items"] == []

    view = rep_a.post("/v1/customer-views", json={"name": "mine", "filter": f'name = "Nb{tag}*"', "order_by": "name"})
    assert view.status_code == 201, view.text
    view_id, etag = view.json()["id"], view.headers["ETag"]
    assert [v["name"] for v in rep_b.get("/v1/customer-views").json()["items"]] == []
    assert rep_b.get(f"/v1/customer-views/{view_id}").status_code == 404

    def around(client, customer_id, **params):
        reply = client.get(f"/v1/customers/{customer_id}/neighbors", params=params)
        assert reply.status_code == 200, reply.text
        body = reply.json()
        return tuple(None if body[k] is None else body[k]["name"].split()[-1] for k in ("previous", "next"))

    # rep_b's customer "BB" sits between B and C by name, but is outside rep_a's scope.
    assert around(rep_a, made["A"], view=view_id) == (None, "B")
    assert around(rep_a, made["B"], view=view_id) == ("A", "C")
    assert around(rep_a, made["D"], view=view_id) == ("C", None)
    assert around(admin, theirs.json()["id"], filter=f'name = "Nb{tag}*"', order_by="name desc") == ("C", "B")
    assert rep_a.get(f"/v1/customers/{theirs.json()['id']}/neighbors", params={"view": view_id}).status_code == 404
    bad_sort = rep_a.get(f"/v1/customers/{made['A']}/neighbors", params={"order_by": "a, b, c, d, e"})
    assert bad_sort.status_code == 400

    # Sharing and concurrency: If-Match is required; a stale one is a 412; others cannot edit it.
    assert rep_a.patch(f"/v1/customer-views/{view_id}", json={"shared": True}).status_code == 428
    shared = rep_a.patch(f"/v1/customer-views/{view_id}", json={"shared": True}, headers={"If-Match": etag})
    assert shared.status_code == 200 and shared.json()["shared"] is True, shared.text
    stale = rep_a.patch(f"/v1/customer-views/{view_id}", json={"name": "x"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert [v["id"] for v in rep_b.get("/v1/customer-views").json()["items"]] == [view_id]
    refused = rep_b.patch(
        f"/v1/customer-views/{view_id}", json={"name": "mine now"}, headers={"If-Match": shared.headers["ETag"]}
    )
    assert refused.status_code == 403
    narrowed = rep_a.patch(
        f"/v1/customer-views/{view_id}",
        json={"filter": f'name = "Nb{tag}*" AND level = "A"'},
        headers={"If-Match": shared.headers["ETag"]},
    )
    assert narrowed.status_code == 200, narrowed.text

    # Export of the view (admin holds customers:export): its filter and sort, A, B, D.
    export = admin.get("/v1/exports/customers", params={"view": view_id})
    assert export.status_code == 200, export.text
    names = [row["name"] for row in csv.DictReader(io.StringIO(export.text))]
    assert names == [f"Nb{tag} A", f"Nb{tag} B", f"Nb{tag} D"]
    assert admin.get("/v1/exports/customers", params={"view": view_id, "filter": 'level = "A"'}).status_code == 400

    assert rep_a.delete(f"/v1/customer-views/{view_id}").status_code == 204
    assert rep_b.get("/v1/customer-views").json()["items"] == []

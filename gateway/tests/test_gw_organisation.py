"""The organisation admin API: departments, positions, groups, roles, users, audit log; role
changes applying on the next request; disabled users refused at once."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.anyio

PROBLEM = "application/problem+json"
GOOD_PASSWORD = "Demo-pass-2026"


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def _login(client, username, password=GOOD_PASSWORD):
    reply = await client.post("/v1/auth/login", json={"username": username, "password": password})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


async def _new_user(client, auth, roles, **extra):
    username = _unique("u")
    body = {"username": username, "password": GOOD_PASSWORD, "display_name": username, "roles": roles, **extra}
    reply = await client.post("/v1/users", json=body, headers=auth())
    assert reply.status_code == 201, reply.text
    return reply.json()


async def test_departments_form_a_tree(client, auth):
    root = await client.post("/v1/departments", json={"name": "Sales", "parent_id": None}, headers=auth())
    assert root.status_code == 201 and root.headers["location"] == f"/v1/departments/{root.json()['id']}"
    child = await client.post(
        "/v1/departments", json={"name": "Sales East", "parent_id": root.json()["id"]}, headers=auth()
    )
    assert child.status_code == 201 and child.json()["parent_id"] == root.json()["id"]
    fetched = await client.get(f"/v1/departments/{child.json()['id']}", headers=auth())
    assert fetched.json()["name"] == "Sales East"
    renamed = await client.patch(f"/v1/departments/{child.json()['id']}", json={"name": "East"}, headers=auth())
    assert renamed.status_code == 200 and renamed.json()["name"] == "East" and renamed.json()["version"] == 2
    cycle = await client.patch(
        f"/v1/departments/{root.json()['id']}", json={"parent_id": child.json()["id"]}, headers=auth()
    )
    assert cycle.status_code == 409 and cycle.json()["code"] == "departments.cycle"
    orphan = await client.post("/v1/departments", json={"name": "X", "parent_id": "nope"}, headers=auth())
    assert orphan.status_code == 400 and orphan.json()["errors"][0]["field"] == "parent_id"
    listed = await client.get("/v1/departments", params={"limit": 200}, headers=auth())
    ids = {d["id"] for d in listed.json()["items"]}
    assert {root.json()["id"], child.json()["id"]} <= ids
    missing = await client.get("/v1/departments/does-not-exist", headers=auth())
    assert missing.status_code == 404 and missing.json()["code"] == "departments.not_found"


async def test_positions_and_groups(client, auth):
    name = _unique("Team lead")
    made = await client.post("/v1/positions", json={"name": name}, headers=auth())
    assert made.status_code == 201
    again = await client.post("/v1/positions", json={"name": name}, headers=auth())
    assert again.status_code == 409 and again.json()["code"] == "positions.name_taken"
    group = await client.post("/v1/groups", json={"name": _unique("Key accounts")}, headers=auth())
    assert group.status_code == 201
    user = await _new_user(client, auth, ["sales_rep"], position_id=made.json()["id"], group_ids=[group.json()["id"]])
    assert user["position_id"] == made.json()["id"] and user["group_ids"] == [group.json()["id"]]
    assert name in [p["name"] for p in (await client.get("/v1/positions", headers=auth())).json()["items"]]


async def test_builtin_roles_are_seeded_with_their_profiles(client, auth):
    roles = {r["name"]: r for r in (await client.get("/v1/roles", headers=auth())).json()["items"]}
    builtin = {
        "admin",
        "sales_manager",
        "sales_rep",
        "marketer",
        "service_manager",
        "service_agent",
        "technician",
        "callcenter_agent",
        "finance",
    }
    assert builtin <= set(roles) and all(roles[n]["builtin"] for n in builtin)
    assert roles["admin"]["permissions"] == ["*"] and roles["admin"]["scopes"] == {"*": "all"}
    assert roles["sales_rep"]["scopes"] == {"*": "own"} and "customers:export" not in roles["sales_rep"]["permissions"]
    assert "customers:approve" in roles["sales_manager"]["permissions"]
    assert roles["sales_manager"]["scopes"] == {"*": "department_and_below"}
    assert roles["marketer"]["scopes"]["leads"] == "all" and roles["marketer"]["scopes"]["*"] == "department"
    assert roles["technician"]["scopes"] == {"*": "own"}
    assert roles["finance"]["scopes"] == {"*": "all"} and "invoices:approve" in roles["finance"]["permissions"]
    callcenter = roles["callcenter_agent"]
    assert callcenter["scopes"] == {"*": "all"} and "customers:export" not in callcenter["permissions"]
    assert {(r["resource"], r["field"], r["access"]) for r in callcenter["field_rules"]} == {
        ("customers", "phone", "masked"),
        ("customers", "email", "masked"),
        ("contacts", "phones", "masked"),
        ("contacts", "emails", "masked"),
    }


async def test_roles_are_validated(client, auth):
    bad = await client.post(
        "/v1/roles", json={"name": _unique("r").replace("-", "_"), "permissions": ["customers:fly"]}, headers=auth()
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"].startswith("permissions")
    scope = await client.post("/v1/roles", json={"name": "r_scope_bad", "scopes": {"*": "galaxy"}}, headers=auth())
    assert scope.status_code == 400
    dup = await client.post("/v1/roles", json={"name": "sales_rep"}, headers=auth())
    assert dup.status_code == 409 and dup.json()["code"] == "roles.name_taken"


async def test_users_are_created_with_a_password_policy(client, auth):
    weak = await client.post(
        "/v1/users",
        json={"username": "weakling", "password": "short", "display_name": "W", "roles": []},
        headers=auth(),
    )
    assert weak.status_code == 400 and weak.json()["code"] == "users.password_policy"
    assert {e["field"] for e in weak.json()["errors"]} == {"password"}
    unknown = await client.post(
        "/v1/users",
        json={"username": "ghost", "password": GOOD_PASSWORD, "display_name": "G", "roles": ["no_such_role"]},
        headers=auth(),
    )
    assert unknown.status_code == 400 and unknown.json()["code"] == "users.unknown_role"
    user = await _new_user(client, auth, ["sales_rep"])
    assert "password" not in str(user) and "hash" not in str(user)
    taken = await client.post(
        "/v1/users",
        json={"username": user["username"].upper(), "password": GOOD_PASSWORD, "display_name": "x", "roles": []},
        headers=auth(),
    )
    assert taken.status_code == 409 and taken.json()["code"] == "users.username_taken"
    headers = await _login(client, user["username"])
    assert (await client.get("/v1/customers", headers=headers)).status_code == 200
    listed = (await client.get("/v1/users", params={"limit": 200}, headers=auth())).json()["items"]
    assert user["id"] in {u["id"] for u in listed}


async def test_only_admins_reach_the_admin_api(client, auth):
    for method, path in (
        ("GET", "/v1/users"),
        ("POST", "/v1/departments"),
        ("GET", "/v1/roles"),
        ("PATCH", "/v1/roles/sales_rep"),
        ("GET", "/v1/audit-log"),
    ):
        reply = await client.request(method, path, json={} if method != "GET" else None, headers=auth("rep1"))
        assert reply.status_code == 403 and reply.json()["code"] == "permission.denied", (method, path)


async def test_a_role_change_applies_on_the_next_request(client, auth):
    role = _unique("viewer").replace("-", "_")
    made = await client.post(
        "/v1/roles", json={"name": role, "permissions": ["customers:view"], "scopes": {"*": "own"}}, headers=auth()
    )
    assert made.status_code == 201, made.text
    user = await _new_user(client, auth, [role])
    headers = await _login(client, user["username"])
    assert (await client.get("/v1/customers", headers=headers)).status_code == 200
    assert (await client.get("/v1/reports/customers/summary", headers=headers)).status_code == 403
    patched = await client.patch(f"/v1/roles/{role}", json={"permissions": ["reports:view"]}, headers=auth())
    assert patched.status_code == 200 and patched.json()["version"] == 2
    # Same access token, no restart: the new profile applies at once.
    assert (await client.get("/v1/customers", headers=headers)).status_code == 403
    assert (await client.get("/v1/reports/customers/summary", headers=headers)).status_code == 200
    # Changing the user's roles applies at once too.
    moved = await client.patch(f"/v1/users/{user['id']}", json={"roles": ["sales_rep"]}, headers=auth())
    assert moved.status_code == 200 and moved.json()["roles"] == ["sales_rep"]
    assert (await client.get("/v1/customers", headers=headers)).status_code == 200


async def test_a_disabled_user_is_refused_at_once(client, auth):
    user = await _new_user(client, auth, ["sales_rep"])
    headers = await _login(client, user["username"])
    assert (await client.get("/v1/customers", headers=headers)).status_code == 200
    off = await client.patch(f"/v1/users/{user['id']}", json={"active": False}, headers=auth())
    assert off.status_code == 200 and off.json()["active"] is False
    refused = await client.get("/v1/customers", headers=headers)
    assert refused.status_code == 401 and refused.headers["content-type"] == PROBLEM
    login = await client.post("/v1/auth/login", json={"username": user["username"], "password": GOOD_PASSWORD})
    assert login.status_code == 401
    self_disable = await client.patch(f"/v1/users/{_admin_id(auth)}", json={"active": False}, headers=auth())
    assert self_disable.status_code in (409, 404)


def _admin_id(auth) -> str:
    import jwt

    token = auth()["Authorization"].split()[1]
    return jwt.decode(token, options={"verify_signature": False})["sub"]


async def test_the_audit_log_records_logins_and_changes(client, auth):
    user = await _new_user(client, auth, ["sales_rep"])
    await _login(client, user["username"])
    await client.post("/v1/auth/login", json={"username": user["username"], "password": "wrong-password-1"})
    await client.patch(
        f"/v1/users/{user['id']}", json={"display_name": "Renamed", "password": "Another-pass-42"}, headers=auth()
    )
    reply = await client.get("/v1/audit-log", params={"target_id": user["id"], "limit": 50}, headers=auth())
    assert reply.status_code == 200
    entries = reply.json()["items"]
    actions = [e["action"] for e in entries]
    assert actions[0] == "user.updated" and {"user.created", "auth.login", "auth.login_failed"} <= set(actions)
    updated = entries[0]
    assert updated["detail"]["display_name"] == "Renamed" and updated["detail"]["password"] == "(changed)"
    assert "Another-pass-42" not in reply.text and GOOD_PASSWORD not in reply.text
    assert updated["actor_id"] == _admin_id(auth) and updated["at"].endswith("Z")
    paged = await client.get("/v1/audit-log", params={"limit": 1}, headers=auth())
    assert len(paged.json()["items"]) == 1 and paged.json()["next_cursor"]


async def test_admin_records_carry_etags_and_stale_if_match_is_412(client, auth):
    dept = (await client.post("/v1/departments", json={"name": "Etagged"}, headers=auth())).json()
    read = await client.get(f"/v1/departments/{dept['id']}", headers=auth())
    assert read.headers["etag"] == '"1"'
    ok = await client.patch(
        f"/v1/departments/{dept['id']}", json={"name": "E2"}, headers=auth(**{"If-Match": read.headers["etag"]})
    )
    assert ok.status_code == 200 and ok.headers["etag"] == '"2"'
    stale = await client.patch(
        f"/v1/departments/{dept['id']}", json={"name": "E3"}, headers=auth(**{"If-Match": '"1"'})
    )
    assert stale.status_code == 412 and stale.json()["code"] == "resource.stale"
    user = await _new_user(client, auth, ["sales_rep"])
    stale_user = await client.patch(
        f"/v1/users/{user['id']}", json={"display_name": "Z"}, headers=auth(**{"If-Match": '"99"'})
    )
    assert stale_user.status_code == 412
    role = await client.get("/v1/roles/technician", headers=auth())
    stale_role = await client.patch(
        "/v1/roles/technician", json={"description": "x"}, headers=auth(**{"If-Match": '"0"'})
    )
    assert role.headers["etag"] and stale_role.status_code == 412


async def test_the_last_door_stays_open(client, auth):
    admin_role = await client.patch("/v1/roles/admin", json={"permissions": ["customers:view"]}, headers=auth())
    assert admin_role.status_code == 409 and admin_role.json()["code"] == "roles.admin_protected"
    demote = await client.patch(f"/v1/users/{_admin_id(auth)}", json={"roles": ["sales_rep"]}, headers=auth())
    assert demote.status_code == 409 and demote.json()["code"] == "users.cannot_demote_self"
    assert (await client.get("/v1/roles/admin", headers=auth())).json()["permissions"] == ["*"]


async def test_a_change_made_through_one_gateway_process_applies_in_another(client, auth, make_client):
    role = _unique("xproc").replace("-", "_")
    await client.post("/v1/roles", json={"name": role, "permissions": ["customers:view"]}, headers=auth())
    user = await _new_user(client, auth, [role])
    headers = await _login(client, user["username"])
    async with make_client() as other:
        assert (await other.get("/v1/customers", headers=headers)).status_code == 200  # cached there now
        await client.patch(f"/v1/roles/{role}", json={"permissions": []}, headers=auth())
        assert (await other.get("/v1/customers", headers=headers)).status_code == 403
        await client.patch(f"/v1/users/{user['id']}", json={"active": False}, headers=auth())
        assert (await other.get("/v1/customers", headers=headers)).status_code == 401


async def test_without_the_redis_signal_the_database_version_decides(make_settings, users):
    from crm_chassis.db import make_engine, make_session_factory, transaction
    from gateway.identity.org_policy import DatabasePolicy
    from gateway.store import audit
    from gateway.store import users as user_store

    engine = make_engine(make_settings().database_url)
    try:
        sessions = make_session_factory(engine)
        policy = DatabasePolicy(sessions, signal=None)  # as when Redis is unavailable
        before = await policy.access_for(users["guest"].id, [])
        assert not before.allows("customers:view")
        with transaction(sessions) as session:
            user_store.set_roles(session, users["guest"].id, ["technician"])
            audit.bump_authz(session)
        assert (await policy.access_for(users["guest"].id, [])).allows("customers:view")
        with transaction(sessions) as session:
            user_store.set_roles(session, users["guest"].id, [])
            audit.bump_authz(session)
        assert not (await policy.access_for(users["guest"].id, [])).allows("customers:view")
    finally:
        engine.dispose()


async def test_deleting_departments_and_roles_and_renaming_positions(client, auth):
    parent = (await client.post("/v1/departments", json={"name": "Doomed"}, headers=auth())).json()
    child = (
        await client.post("/v1/departments", json={"name": "Kid", "parent_id": parent["id"]}, headers=auth())
    ).json()
    busy = await client.delete(f"/v1/departments/{parent['id']}", headers=auth())
    assert busy.status_code == 409 and busy.json()["code"] == "departments.in_use"
    user = await _new_user(client, auth, [], department_id=child["id"])
    assert (await client.delete(f"/v1/departments/{child['id']}", headers=auth())).status_code == 409
    await client.patch(f"/v1/users/{user['id']}", json={"department_id": None}, headers=auth())
    assert (await client.delete(f"/v1/departments/{child['id']}", headers=auth())).status_code == 204
    assert (await client.delete(f"/v1/departments/{parent['id']}", headers=auth())).status_code == 204
    assert (await client.get(f"/v1/departments/{parent['id']}", headers=auth())).status_code == 404

    builtin = await client.delete("/v1/roles/technician", headers=auth())
    assert builtin.status_code == 409 and builtin.json()["code"] == "roles.builtin"
    role = _unique("temp").replace("-", "_")
    await client.post("/v1/roles", json={"name": role, "permissions": ["customers:view"]}, headers=auth())
    holder = await _new_user(client, auth, [role])
    assert (await client.delete(f"/v1/roles/{role}", headers=auth())).json()["code"] == "roles.in_use"
    await client.patch(f"/v1/users/{holder['id']}", json={"roles": []}, headers=auth())
    assert (await client.delete(f"/v1/roles/{role}", headers=auth())).status_code == 204
    assert (await client.get(f"/v1/roles/{role}", headers=auth())).status_code == 404

    position = (await client.post("/v1/positions", json={"name": _unique("Clerk")}, headers=auth())).json()
    renamed = await client.patch(
        f"/v1/positions/{position['id']}", json={"name": "Senior clerk " + position["id"][:6]}, headers=auth()
    )
    assert renamed.status_code == 200 and renamed.json()["name"].startswith("Senior clerk")
    missing = await client.patch("/v1/groups/nope", json={"name": "x"}, headers=auth())
    assert missing.status_code == 404

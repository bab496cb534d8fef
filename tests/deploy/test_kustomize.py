"""The Kubernetes manifests under deploy/k8s render, are valid Kubernetes objects and keep the
suite's deployment promises (ARCHITECTURE §9).

Each overlay (and each base folder) is rendered with `kustomize build`, or `kubectl kustomize`
when no standalone kustomize is installed. Every rendered object is validated with
`kubernetes-validate` against the Kubernetes OpenAPI schemas of KUBERNETES_VERSION in strict
mode (unknown fields are errors), then checked for the invariants below. No cluster is needed;
a missing renderer fails the run, it never skips.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
K8S = REPO / "deploy" / "k8s"
README = REPO / "deploy" / "README.md"
KUBERNETES_VERSION = "1.32"
SERVICES = ("customers", "marketing", "sales", "service-desk", "reporting")
OVERLAYS = ("dev", "prod")
NAMESPACES = {"dev": "crm-dev", "prod": "crm"}
INFRA = ("rabbitmq", "redis", "postgres")
PROCESS_KINDS = ("grpc", "worker", "relay")
MONITORING_NAMESPACE_LABEL = ("crm.example.com/monitoring", "true")
CLUSTER_SCOPED = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "IngressClass",
    "PriorityClass",
    "StorageClass",
    "CustomResourceDefinition",
    "PersistentVolume",
}

Doc = dict[str, Any]


# --------------------------------------------------------------------------- rendering


def _render_command(path: Path) -> list[str]:
    if shutil.which("kustomize"):
        return ["kustomize", "build", str(path)]
    # The venv's kubectl is what `make install` provides on machines without one.
    kubectl = shutil.which("kubectl") or shutil.which("kubectl", path=str(Path(sys.executable).parent))
    if kubectl:
        return [kubectl, "kustomize", str(path)]
    pytest.fail(
        "cannot render deploy/k8s: neither `kustomize` nor `kubectl` is on PATH "
        "(install kubectl >= 1.27 or kustomize >= 5)",
        pytrace=False,
    )


@functools.cache
def render(relative: str) -> tuple[Doc, ...]:
    """The objects `deploy/k8s/<relative>` renders to (rendered once per test run)."""
    path = K8S / relative
    command = _render_command(path)
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if proc.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` failed:\n{proc.stderr}", pytrace=False)
    docs = tuple(doc for doc in yaml.safe_load_all(proc.stdout) if doc)
    assert docs, f"{relative} rendered no objects"
    return docs


@pytest.fixture(params=OVERLAYS)
def overlay(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def docs(overlay: str) -> tuple[Doc, ...]:
    return render(f"overlays/{overlay}")


# --------------------------------------------------------------------------- helpers


def kind_name(doc: Doc) -> str:
    return f"{doc['kind']}/{doc['metadata']['name']}"


def find(docs: tuple[Doc, ...], kind: str, name: str) -> Doc:
    for doc in docs:
        if doc["kind"] == kind and doc["metadata"]["name"] == name:
            return doc
    raise AssertionError(f"{kind}/{name} is missing from the rendered manifests")


def of_kind(docs: tuple[Doc, ...], *kinds: str) -> list[Doc]:
    return [doc for doc in docs if doc["kind"] in kinds]


def pod_spec(doc: Doc) -> Doc:
    return doc["spec"]["template"]["spec"]


def containers(doc: Doc) -> list[Doc]:
    spec = pod_spec(doc)
    return [*spec.get("initContainers", []), *spec["containers"]]


def only_container(doc: Doc) -> Doc:
    found = pod_spec(doc)["containers"]
    assert len(found) == 1, f"{kind_name(doc)}: expected exactly one container, got {len(found)}"
    return found[0]


def is_crm(doc: Doc) -> bool:
    return doc["metadata"].get("labels", {}).get("app.kubernetes.io/part-of") == "crm"


def selects(selector: Doc, labels: dict[str, str]) -> bool:
    """Kubernetes label-selector semantics (matchLabels + matchExpressions)."""
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr["key"], expr["operator"], expr.get("values", [])
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and key in labels and labels[key] in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


def env_value_from(container: Doc, name: str) -> Doc | None:
    for item in container.get("env", []):
        if item["name"] == name:
            return item
    return None


def quantity(value: str | int | float) -> float:
    """A Kubernetes quantity as a float (CPU in cores, memory in bytes)."""
    text = str(value)
    suffixes = {"m": 1e-3, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "k": 1e3, "M": 1e6, "G": 1e9}
    for suffix, factor in sorted(suffixes.items(), key=lambda item: -len(item[0])):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    return float(text)


def image_repo_and_tag(image: str) -> tuple[str, str | None]:
    """("registry/crm/sales", "1.2.3") for "registry/crm/sales:1.2.3"; no tag gives None."""
    if ":" in image.rsplit("/", 1)[-1]:
        repo, tag = image.rsplit(":", 1)
        return repo, tag
    return image, None


def secret_refs(doc: Doc) -> Iterator[tuple[str, str | None]]:
    """(secret name, key or None for a whole-Secret reference) used by a workload."""
    for container in containers(doc):
        for item in container.get("env", []):
            ref = item.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                yield ref["name"], ref["key"]
        for source in container.get("envFrom", []):
            if "secretRef" in source:
                yield source["secretRef"]["name"], None
    for volume in pod_spec(doc).get("volumes", []):
        if "secret" in volume:
            yield volume["secret"]["secretName"], None


def configmap_refs(doc: Doc) -> Iterator[str]:
    for container in containers(doc):
        for item in container.get("env", []):
            ref = item.get("valueFrom", {}).get("configMapKeyRef")
            if ref:
                yield ref["name"]
        for source in container.get("envFrom", []):
            if "configMapRef" in source:
                yield source["configMapRef"]["name"]
    for volume in pod_spec(doc).get("volumes", []):
        if "configMap" in volume:
            yield volume["configMap"]["name"]


WORKLOADS = ("Deployment", "StatefulSet", "Job")


# --------------------------------------------------------------------------- schema validity


@pytest.mark.parametrize(
    "target",
    ["base", *(f"base/{svc}" for svc in SERVICES), "base/gateway", "overlays/dev", "overlays/prod"],
)
def test_renders_to_valid_kubernetes_objects(target: str) -> None:
    problems = []
    for doc in render(target):
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            path = ".".join(str(part) for part in exc.path)
            problems.append(f"{kind_name(doc)}: {path}: {exc.message}")
        except kubernetes_validate.SchemaNotFoundError as exc:
            problems.append(f"{kind_name(doc)}: {exc.message}")
    assert not problems, f"{target} is not valid for Kubernetes {KUBERNETES_VERSION}:\n" + "\n".join(problems)


def test_names_are_unique(docs: tuple[Doc, ...]) -> None:
    seen = [kind_name(doc) for doc in docs]
    assert len(seen) == len(set(seen)), sorted({n for n in seen if seen.count(n) > 1})


def test_every_namespaced_object_is_in_the_overlay_namespace(overlay: str, docs: tuple[Doc, ...]) -> None:
    wrong = [
        kind_name(doc)
        for doc in docs
        if doc["kind"] not in CLUSTER_SCOPED and doc["metadata"].get("namespace") != NAMESPACES[overlay]
    ]
    assert not wrong, f"not in namespace {NAMESPACES[overlay]}: {wrong}"


# --------------------------------------------------------------------------- hardening


def test_every_container_is_hardened_and_bounded(docs: tuple[Doc, ...]) -> None:
    problems = []
    for doc in of_kind(docs, *WORKLOADS):
        pod = pod_spec(doc)
        pod_sc = pod.get("securityContext", {})
        for container in containers(doc):
            where = f"{kind_name(doc)} container {container['name']}"
            sc = container.get("securityContext", {})
            effective = {**pod_sc, **sc}
            if effective.get("runAsNonRoot") is not True:
                problems.append(f"{where}: runAsNonRoot is not true")
            if effective.get("runAsUser", 1) == 0:
                problems.append(f"{where}: runs as uid 0")
            if sc.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}: allowPrivilegeEscalation is not false")
            if "ALL" not in sc.get("capabilities", {}).get("drop", []):
                problems.append(f"{where}: does not drop ALL capabilities")
            if sc.get("capabilities", {}).get("add"):
                problems.append(f"{where}: adds capabilities")
            if effective.get("seccompProfile", {}).get("type") != "RuntimeDefault":
                problems.append(f"{where}: seccompProfile is not RuntimeDefault")
            if doc["kind"] in ("Deployment", "Job") and sc.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{where}: root filesystem is writable")
            resources = container.get("resources", {})
            for section in ("requests", "limits"):
                for resource in ("cpu", "memory"):
                    if resource not in resources.get(section, {}):
                        problems.append(f"{where}: no {section}.{resource}")
            for resource in ("cpu", "memory"):
                request = resources.get("requests", {}).get(resource)
                limit = resources.get("limits", {}).get(resource)
                if request is not None and limit is not None and quantity(request) > quantity(limit):
                    problems.append(f"{where}: {resource} request {request} exceeds limit {limit}")
        if is_crm(doc):
            # The suite's own pods: the image's uid, a writable /tmp on a read-only root.
            if pod_sc.get("runAsUser") != 10001:
                problems.append(f"{kind_name(doc)}: pod does not run as uid 10001")
            if pod.get("automountServiceAccountToken") is not False:
                problems.append(f"{kind_name(doc)}: mounts a service account token it does not need")
            tmp_volumes = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
            for container in containers(doc):
                mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
                if mounts.get("/tmp") not in tmp_volumes:
                    problems.append(f"{kind_name(doc)}: /tmp is not an emptyDir in {container['name']}")
    assert not problems, "\n".join(problems)


def test_selectors_match_their_pod_templates(docs: tuple[Doc, ...]) -> None:
    for doc in of_kind(docs, "Deployment", "StatefulSet"):
        labels = doc["spec"]["template"]["metadata"]["labels"]
        assert selects(doc["spec"]["selector"], labels), f"{kind_name(doc)}: selector misses its own pods"
        for key in ("app.kubernetes.io/name", "app.kubernetes.io/part-of"):
            assert key in labels, f"{kind_name(doc)}: pod template lacks label {key}"
    templates = [doc["spec"]["template"]["metadata"]["labels"] for doc in of_kind(docs, "Deployment", "StatefulSet")]
    for service in of_kind(docs, "Service"):
        selector = {"matchLabels": service["spec"]["selector"]}
        assert any(selects(selector, labels) for labels in templates), f"{kind_name(service)} selects no pods"


def test_crm_labels(docs: tuple[Doc, ...]) -> None:
    for doc in of_kind(docs, "Deployment"):
        if doc["metadata"]["name"] in INFRA:
            continue
        labels = doc["spec"]["template"]["metadata"]["labels"]
        assert labels.get("app.kubernetes.io/part-of") == "crm", kind_name(doc)
        assert labels.get("app.kubernetes.io/component") in ("grpc", "worker", "relay", "http"), kind_name(doc)
        annotations = doc["spec"]["template"]["metadata"].get("annotations", {})
        assert annotations.get("prometheus.io/scrape") == "true", f"{kind_name(doc)}: not scraped"
        ports = {p["containerPort"] for p in only_container(doc).get("ports", [])}
        assert int(annotations["prometheus.io/port"]) in ports, f"{kind_name(doc)}: scrape port not exposed"


# --------------------------------------------------------------------------- services


@pytest.mark.parametrize("svc", SERVICES)
def test_service_processes(docs: tuple[Doc, ...], svc: str) -> None:
    for kind in PROCESS_KINDS:
        deployment = find(docs, "Deployment", f"{svc}-{kind}")
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert labels["app.kubernetes.io/name"] == svc
        assert labels["app.kubernetes.io/component"] == kind
        container = only_container(deployment)
        repo, _ = image_repo_and_tag(container["image"])
        assert repo == f"crm/{svc}" or repo.endswith(f"/crm/{svc}"), container["image"]
        assert container["args"] == [kind]
        assert "command" not in container, "the image's ENTRYPOINT (crm-<svc>) must stay in charge"
        assert {"configMapRef": {"name": f"{svc}-config"}} in container.get("envFrom", [])
        db = env_value_from(container, "CRM_DATABASE_URL")
        assert db and db["valueFrom"]["secretKeyRef"] == {"name": f"{svc}-db", "key": "url"}
        amqp = env_value_from(container, "CRM_AMQP_URL")
        assert amqp and amqp["valueFrom"]["secretKeyRef"] == {"name": "crm-bus", "key": "amqp-url"}
        ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
        assert ports.get("metrics") == 9100

        if kind == "grpc":
            assert ports.get("grpc") == 50051
            for probe in ("readinessProbe", "livenessProbe"):
                assert container[probe].get("grpc", {}).get("port") == 50051, f"{svc}-grpc {probe}"
                assert container[probe]["grpc"].get("service", "") == ""
        else:
            ready, live = container["readinessProbe"], container["livenessProbe"]
            assert ready["exec"]["command"] == [f"crm-{svc}", "probe"], f"{svc}-{kind} readinessProbe"
            # Liveness must outlast a broker outage of minutes, or every worker restarts in a loop.
            assert live["exec"]["command"] == [f"crm-{svc}", "probe", "--max-age", "300"], f"{svc}-{kind} liveness"
            heartbeat = env_value_from(container, "CRM_HEARTBEAT_FILE")
            assert heartbeat and heartbeat.get("value") == "/tmp/heartbeat"


@pytest.mark.parametrize("svc", SERVICES)
def test_grpc_service_is_headless_and_selects_only_grpc_pods(docs: tuple[Doc, ...], svc: str) -> None:
    service = find(docs, "Service", f"{svc}-grpc")
    assert service["spec"].get("clusterIP") == "None", "clients balance per pod: the Service must be headless"
    assert [(p["name"], p["port"]) for p in service["spec"]["ports"]] == [("grpc", 50051)]
    selector = {"matchLabels": service["spec"]["selector"]}
    for kind in PROCESS_KINDS:
        labels = find(docs, "Deployment", f"{svc}-{kind}")["spec"]["template"]["metadata"]["labels"]
        assert selects(selector, labels) == (kind == "grpc"), f"{svc}-grpc Service vs {kind} pods"


@pytest.mark.parametrize("svc", SERVICES)
def test_service_config(docs: tuple[Doc, ...], svc: str) -> None:
    data = find(docs, "ConfigMap", f"{svc}-config")["data"]
    expected = {
        "CRM_GRPC_HOST": "0.0.0.0",
        "CRM_GRPC_PORT": "50051",
        "CRM_METRICS_PORT": "9100",
        "CRM_LOG_FORMAT": "json",
        "CRM_LOG_LEVEL": "INFO",
    }
    assert {k: data.get(k) for k in expected} == expected
    assert data.get("CRM_REDIS_URL", "").startswith("redis://")


@pytest.mark.parametrize("svc", [*SERVICES, "gateway"])
def test_setup_jobs(docs: tuple[Doc, ...], svc: str) -> None:
    kinds = ("migrate",) if svc == "gateway" else ("migrate", "bus-setup")
    for kind in kinds:
        job = find(docs, "Job", f"{svc}-{kind}")
        assert job["spec"].get("backoffLimit") is not None, f"{svc}-{kind}: backoffLimit"
        assert job["spec"].get("ttlSecondsAfterFinished") is not None, f"{svc}-{kind}: ttlSecondsAfterFinished"
        assert pod_spec(job)["restartPolicy"] in ("Never", "OnFailure")
        container = only_container(job)
        assert container["args"] == [kind]
        repo, _ = image_repo_and_tag(container["image"])
        assert repo.endswith(f"crm/{svc}"), container["image"]
        secret = "gateway-db" if svc == "gateway" else f"{svc}-db"
        db = env_value_from(container, "CRM_DATABASE_URL")
        assert db and db["valueFrom"]["secretKeyRef"] == {"name": secret, "key": "url"}
        if kind == "bus-setup":
            assert env_value_from(container, "CRM_AMQP_URL"), f"{svc}-bus-setup needs the broker URL"


# Services whose gRPC server another service calls (besides the gateway): marketing reads the
# customers list filter for campaign target lists.
SERVICE_CALLERS = {"customers": {"marketing-grpc"}}


@pytest.mark.parametrize("svc", SERVICES)
def test_network_policy_lets_only_the_gateway_reach_grpc(docs: tuple[Doc, ...], svc: str) -> None:
    grpc_labels = find(docs, "Deployment", f"{svc}-grpc")["spec"]["template"]["metadata"]["labels"]
    gateway_labels = find(docs, "Deployment", "gateway")["spec"]["template"]["metadata"]["labels"]
    callers = [
        find(docs, "Deployment", name)["spec"]["template"]["metadata"]["labels"]
        for name in sorted(SERVICE_CALLERS.get(svc, ()))
    ]
    policies = [p for p in of_kind(docs, "NetworkPolicy") if selects(p["spec"]["podSelector"], grpc_labels)]
    assert any("Ingress" in p["spec"].get("policyTypes", ["Ingress"]) for p in policies), f"{svc}-grpc unprotected"

    allows_gateway = allows_monitoring = False
    for policy in policies:
        for rule in policy["spec"].get("ingress", []):
            ports = {p.get("port") for p in rule.get("ports", [])}
            peers = rule.get("from")
            where = f"NetworkPolicy/{policy['metadata']['name']}"
            assert rule.get("ports"), f"{where}: a rule without ports opens every port"
            assert peers, f"{where}: a rule without `from` opens {ports} to everyone"
            if 50051 in ports or "grpc" in ports:
                for peer in peers:
                    assert set(peer) == {"podSelector"}, f"{where}: port 50051 open beyond gateway pods: {peer}"
                    known = [gateway_labels, *callers]
                    assert any(selects(peer["podSelector"], labels) for labels in known), f"{where}: {peer}"
                    # Each peer names one component exactly (no wildcard selecting every pod).
                    assert peer["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/name"), where
                allows_gateway = allows_gateway or any(selects(p["podSelector"], gateway_labels) for p in peers)
            if 9100 in ports or "metrics" in ports:
                key, value = MONITORING_NAMESPACE_LABEL
                for peer in peers:
                    assert peer.get("namespaceSelector", {}).get("matchLabels") == {key: value}, where
                allows_monitoring = True
            assert ports <= {50051, "grpc", 9100, "metrics"}, f"{where}: unexpected ports {ports}"
    assert allows_gateway, f"the gateway cannot reach {svc}-grpc"
    assert allows_monitoring, f"Prometheus cannot scrape {svc}-grpc"


# --------------------------------------------------------------------------- gateway


def test_gateway(docs: tuple[Doc, ...]) -> None:
    deployment = find(docs, "Deployment", "gateway")
    container = only_container(deployment)
    assert container["args"] == ["serve"]
    assert {p["name"]: p["containerPort"] for p in container["ports"]}.get("http") == 8080
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    # One service down must not take every gateway pod out of rotation.
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    refs = {
        item["name"]: item["valueFrom"]["secretKeyRef"]
        for item in container["env"]
        if "secretKeyRef" in item.get("valueFrom", {})
    }
    assert refs == {
        "CRM_DATABASE_URL": {"name": "gateway-db", "key": "url"},
        "CRM_JWT_SECRET": {"name": "gateway-secrets", "key": "jwt-secret"},
        "CRM_ADMIN_PASSWORD": {"name": "gateway-secrets", "key": "admin-password"},
        # The notification consumer reads the bus (issue 9).
        "CRM_AMQP_URL": {"name": "crm-bus", "key": "amqp-url"},
    }

    service = find(docs, "Service", "gateway")
    assert service["spec"].get("type", "ClusterIP") == "ClusterIP"
    assert [(p["port"], p["targetPort"]) for p in service["spec"]["ports"]] in ([(80, "http")], [(80, 8080)])

    ingress = find(docs, "Ingress", "gateway")
    (rule,) = ingress["spec"]["rules"]
    assert rule["host"] == "crm.example.com"
    paths = {p["path"]: p for p in rule["http"]["paths"]}
    assert set(paths) == {"/v1", "/docs", "/openapi.json"}, "only the public API is exposed (not /metrics)"
    assert all(p["backend"]["service"]["name"] == "gateway" for p in paths.values())

    (config_name,) = [s["configMapRef"]["name"] for s in container["envFrom"]]
    data = find(docs, "ConfigMap", config_name)["data"]
    assert data["CRM_GATEWAY_PORT"] == "8080"
    assert data.get("CRM_GATEWAY_HOST") == "0.0.0.0", "the gateway must listen on the pod address"
    for svc in SERVICES:
        target = data[f"CRM_{svc.upper().replace('-', '_')}_GRPC_TARGET"]
        assert target == f"dns:///{svc}-grpc:50051"
        match = re.fullmatch(r"dns:///([a-z0-9-]+):(\d+)", target)
        assert match, target
        upstream = find(docs, "Service", match.group(1))
        assert int(match.group(2)) in {p["port"] for p in upstream["spec"]["ports"]}


# --------------------------------------------------------------------------- references


def test_config_maps_referenced_by_workloads_exist(docs: tuple[Doc, ...]) -> None:
    present = {doc["metadata"]["name"] for doc in of_kind(docs, "ConfigMap")}
    missing = {
        (kind_name(doc), name)
        for doc in of_kind(docs, *WORKLOADS)
        for name in configmap_refs(doc)
        if name not in present
    }
    assert not missing, missing


def test_dev_secrets_exist_with_the_referenced_keys() -> None:
    docs = render("overlays/dev")
    secrets = {
        doc["metadata"]["name"]: {**doc.get("data", {}), **doc.get("stringData", {})} for doc in of_kind(docs, "Secret")
    }
    for doc in of_kind(docs, *WORKLOADS):
        for name, key in secret_refs(doc):
            assert name in secrets, f"{kind_name(doc)} needs Secret {name}"
            assert key is None or key in secrets[name], f"{kind_name(doc)} needs key {key} of Secret {name}"


def test_prod_secrets_are_external_and_documented() -> None:
    docs = render("overlays/prod")
    assert not of_kind(docs, "Secret"), "prod must not ship Secrets: they are created in the cluster"
    readme = README.read_text(encoding="utf-8")
    needed = {ref for doc in of_kind(docs, *WORKLOADS) for ref in secret_refs(doc)}
    needed |= {(tls["secretName"], None) for ing in of_kind(docs, "Ingress") for tls in ing["spec"].get("tls", [])}
    assert needed, "prod references no Secrets at all?"
    for name, key in sorted(needed, key=str):
        generic = re.sub(rf"^({'|'.join(SERVICES)})-db$", "<svc>-db", name)
        assert name in readme or generic in readme, f"deploy/README.md does not mention Secret {name}"
        assert key is None or f"`{key}`" in readme, f"deploy/README.md does not mention key {key} of {name}"


# --------------------------------------------------------------------------- dev overlay


def test_dev_runs_the_infrastructure() -> None:
    docs = render("overlays/dev")
    rabbitmq = find(docs, "StatefulSet", "rabbitmq")
    assert only_container(rabbitmq)["image"] == "rabbitmq:3.13-management"
    find(docs, "Deployment", "redis")
    postgres = find(docs, "StatefulSet", "postgres")
    for name in INFRA:
        find(docs, "Service", name)

    # The init script creates every database the dev Secrets point at.
    init_names = [v["configMap"]["name"] for v in pod_spec(postgres)["volumes"] if "configMap" in v]
    script = "".join("".join(find(docs, "ConfigMap", name)["data"].values()) for name in init_names)
    created = set(re.findall(r"CREATE DATABASE (\w+)", script))
    assert created >= {"customers", "marketing", "sales", "service_desk", "reporting", "gateway"}
    for svc in (*SERVICES, "gateway"):
        secret = find(docs, "Secret", f"{svc}-db")
        url = secret["stringData"]["url"]
        assert url.startswith("postgresql+psycopg2://postgres:postgres@postgres:5432/"), url
        assert url.rsplit("/", 1)[1] in created
    bus = find(docs, "Secret", "crm-bus")["stringData"]["amqp-url"]
    assert bus == "amqp://guest:guest@rabbitmq:5672/%2F"
    assert {"jwt-secret", "admin-password"} <= set(find(docs, "Secret", "gateway-secrets")["stringData"])
    assert len(find(docs, "Secret", "gateway-secrets")["stringData"]["jwt-secret"].encode()) >= 32


def test_dev_images_and_replicas() -> None:
    docs = render("overlays/dev")
    find(docs, "Namespace", "crm-dev")
    for doc in of_kind(docs, *WORKLOADS):
        for container in containers(doc):
            repo, tag = image_repo_and_tag(container["image"])
            if repo.startswith("crm/"):
                assert tag == "dev", container["image"]
    for doc in of_kind(docs, "Deployment", "StatefulSet"):
        assert doc["spec"].get("replicas", 1) == 1, kind_name(doc)


# --------------------------------------------------------------------------- prod overlay


def test_prod_has_no_dev_infrastructure() -> None:
    docs = render("overlays/prod")
    leftovers = [
        kind_name(doc)
        for doc in docs
        if doc["kind"] in ("Secret", "StatefulSet", "PersistentVolumeClaim", "Namespace")
        or any(doc["metadata"]["name"].startswith(name) for name in INFRA)
        or doc["metadata"].get("labels", {}).get("app.kubernetes.io/part-of") == "crm-infra-dev"
    ]
    assert not leftovers, leftovers


def test_prod_images_are_pinned() -> None:
    for doc in of_kind(render("overlays/prod"), *WORKLOADS):
        for container in containers(doc):
            _, tag = image_repo_and_tag(container["image"])
            assert tag and tag not in ("latest", "dev"), f"{kind_name(doc)}: unpinned image {container['image']}"


def test_prod_scale_and_availability() -> None:
    docs = render("overlays/prod")
    expected = {"gateway": 3}
    for svc in SERVICES:
        expected |= {f"{svc}-grpc": 3, f"{svc}-worker": 2, f"{svc}-relay": 2}
    for name, replicas in expected.items():
        assert find(docs, "Deployment", name)["spec"]["replicas"] == replicas, name

    serving = ["gateway", *(f"{svc}-grpc" for svc in SERVICES)]
    pdbs = of_kind(docs, "PodDisruptionBudget")
    hpas = of_kind(docs, "HorizontalPodAutoscaler")
    for name in serving:
        deployment = find(docs, "Deployment", name)
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        covering = [p for p in pdbs if selects(p["spec"]["selector"], labels)]
        assert len(covering) == 1, f"{name}: expected one PodDisruptionBudget, got {len(covering)}"
        budget = covering[0]["spec"]
        allowed_down = budget.get("maxUnavailable", deployment["spec"]["replicas"] - budget.get("minAvailable", 0))
        assert 0 < int(allowed_down) < deployment["spec"]["replicas"], f"{name}: PDB blocks drains or protects nothing"

        (hpa,) = [h for h in hpas if h["spec"]["scaleTargetRef"]["name"] == name]
        assert hpa["apiVersion"] == "autoscaling/v2"
        assert hpa["spec"]["scaleTargetRef"]["kind"] == "Deployment"
        assert hpa["spec"]["minReplicas"] == deployment["spec"]["replicas"]
        assert hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]
        assert only_container(deployment)["resources"]["requests"].get("cpu"), "HPA on CPU needs a CPU request"
    assert len(pdbs) == len(serving) and len(hpas) == len(serving)


def test_prod_gives_more_resources_than_dev() -> None:
    dev, prod = render("overlays/dev"), render("overlays/prod")
    for doc in of_kind(prod, "Deployment"):
        name = doc["metadata"]["name"]
        small = only_container(find(dev, "Deployment", name))["resources"]
        big = only_container(doc)["resources"]
        for resource in ("cpu", "memory"):
            assert quantity(big["requests"][resource]) > quantity(small["requests"][resource]), (
                name,
                resource,
            )
            assert quantity(big["limits"][resource]) >= quantity(small["limits"][resource]), (name, resource)

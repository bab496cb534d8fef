"""Static checks of the image recipes (no Docker engine needed): every Dockerfile builds from the
repository root, installs the right packages with the pinned constraints, ships the migrations,
runs as uid 10001 and starts the part's console script; .dockerignore keeps what they copy.
"""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SERVICES = ("customers", "marketing", "sales", "service-desk", "reporting")
PARTS = (*SERVICES, "gateway")
SOURCE_SUFFIXES = {".py", ".pyi", ".mako", ".toml", ".json", ".sql", ".ini", ".typed", ".cfg"}


def part_dir(part: str) -> Path:
    return REPO / "gateway" if part == "gateway" else REPO / "services" / part


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(
        r"\\\n",
        " ",
        "\n".join(
            line for line in dockerfile.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")
        ),
    )
    result = []
    for line in text.splitlines():
        if line.strip():
            keyword, _, rest = line.strip().partition(" ")
            result.append((keyword.upper(), " ".join(rest.split())))
    return result


def stages(dockerfile: Path) -> list[list[tuple[str, str]]]:
    found: list[list[tuple[str, str]]] = []
    for keyword, args in instructions(dockerfile):
        if keyword == "FROM":
            found.append([])
        if found:
            found[-1].append((keyword, args))
    return found


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            end = pattern.index("]", i)
            out, i = out + pattern[i : end + 1], end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


def dockerignored() -> Callable[[str], bool]:
    rules = []
    for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            negate = line.startswith("!")
            rules.append((negate, _pattern_regex(line.lstrip("!").strip("/"))))

    def ignored(relative: str) -> bool:
        parts = relative.strip("/").split("/")
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            verdict = None
            for negate, regex in rules:
                if regex.fullmatch(prefix):
                    verdict = not negate
            if verdict:
                return True
        return False

    return ignored


@pytest.mark.parametrize("part", PARTS)
def test_dockerfile(part: str) -> None:
    dockerfile = part_dir(part) / "Dockerfile"
    assert dockerfile.is_file(), f"{dockerfile} is missing"
    all_instructions = instructions(dockerfile)
    assert ("ARG", "PYTHON_IMAGE=python:3.11-slim") in all_instructions
    builder, final = stages(dockerfile)
    assert builder[0] == ("FROM", "${PYTHON_IMAGE} AS builder")
    assert final[0][1].split()[0] == "${PYTHON_IMAGE}"

    # Builder: a venv at /opt/venv with the pinned packages, installed from the repository root.
    runs = " && ".join(args for keyword, args in builder if keyword == "RUN")
    assert "python -m venv /opt/venv" in runs
    (install,) = [cmd.strip() for cmd in runs.split("&&") if "pip install" in cmd]
    words = shlex.split(install)
    assert words[:4] == ["pip", "install", "-c", "requirements/constraints.txt"]
    expected = (
        ["./libs/contracts", "./libs/chassis", "./gateway"]
        if part == "gateway"
        else ["./libs/contracts", "./libs/chassis[nameko,postgres]", f"./services/{part}"]
    )
    assert words[4:] == expected
    assert ("ENV", "PATH=/opt/venv/bin:$PATH") in builder

    # Final stage: venv + migrations, non-root, the part's console script.
    copies = [args for keyword, args in final if keyword == "COPY"]
    assert "--from=builder /opt/venv /opt/venv" in copies
    source = "gateway/migrations" if part == "gateway" else f"services/{part}/migrations"
    assert f"{source} /app/migrations" in copies
    env = " ".join(args for keyword, args in final if keyword == "ENV")
    assert "CRM_MIGRATIONS_DIR=/app/migrations" in env
    assert "PATH=/opt/venv/bin:$PATH" in env
    runs = " ".join(args for keyword, args in final if keyword == "RUN")
    assert "--uid 10001" in runs and "--gid 10001" in runs
    users = [args for keyword, args in final if keyword == "USER"]
    assert users and users[-1] == "10001:10001", "run as the numeric uid so runAsNonRoot can verify it"
    exposed = {port for keyword, args in final if keyword == "EXPOSE" for port in args.split()}
    assert exposed >= ({"8080"} if part == "gateway" else {"50051", "9100"})
    (entrypoint,) = [json.loads(args) for keyword, args in final if keyword == "ENTRYPOINT"]
    (cmd,) = [json.loads(args) for keyword, args in final if keyword == "CMD"]
    script = "crm-gateway" if part == "gateway" else f"crm-{part}"
    assert entrypoint == [script]
    assert cmd == (["serve"] if part == "gateway" else ["grpc"])

    # The console script is the one the part's pyproject declares.
    pyproject = tomllib.loads((part_dir(part) / "pyproject.toml").read_text(encoding="utf-8"))
    assert script in pyproject["project"]["scripts"], f"{part}/pyproject.toml does not declare {script}"


@pytest.mark.parametrize("part", PARTS)
def test_build_context_keeps_what_the_image_copies(part: str) -> None:
    ignored = dockerignored()
    dockerfile = part_dir(part) / "Dockerfile"
    sources = []
    for keyword, args in instructions(dockerfile):
        if keyword == "COPY" and not args.startswith("--from"):
            words = [w for w in args.split() if not w.startswith("--")]
            sources += words[:-1]
    assert sources
    for source in sources:
        path = REPO / source
        assert path.exists(), f"{dockerfile.relative_to(REPO)} copies {source}, which does not exist"
        assert not ignored(source), f".dockerignore drops {source}, which {dockerfile.relative_to(REPO)} copies"
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            relative = file.relative_to(REPO).as_posix()
            in_package = "/src/" in f"/{relative}" or "/migrations/" in f"/{relative}" or file.name == "pyproject.toml"
            if (
                in_package
                and file.suffix in SOURCE_SUFFIXES
                and "__pycache__" not in relative
                and ".egg-info/" not in relative
            ):
                assert not ignored(relative), f".dockerignore drops {relative}, needed to build {part}"
    if part != "gateway":
        assert (part_dir(part) / "migrations" / "env.py").is_file()


def test_build_context_leaves_out_local_state() -> None:
    ignored = dockerignored()
    for junk in (
        ".git",
        ".venv",
        "var",
        ".tools",
        "libs/chassis/src/crm_chassis.egg-info",
        "services/customers/tests",
        "libs/chassis/src/crm_chassis/__pycache__",
    ):
        assert ignored(junk), f".dockerignore should leave out {junk}"

"""Regenerate the Python code for every proto under protos/ into libs/contracts/src.

Usage: python libs/contracts/generate.py [--out DIR]

The output is deterministic, so a test can regenerate into a temporary folder and
compare it with the committed tree (stale generated code fails CI).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import grpc_tools
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[2]
PROTOS = ROOT / "protos"
DEFAULT_OUT = Path(__file__).resolve().parent / "src"


def generate(out: Path) -> list[Path]:
    """Write *_pb2.py, *_pb2.pyi and *_pb2_grpc.py for every proto into `out/crm/...`.

    Returns the generated files. Raises RuntimeError if protoc fails.
    """
    target = out / "crm"
    if target.exists():
        shutil.rmtree(target)
    out.mkdir(parents=True, exist_ok=True)
    protos = sorted(p.relative_to(PROTOS).as_posix() for p in PROTOS.rglob("*.proto"))
    well_known = Path(grpc_tools.__file__).parent / "_proto"
    args = [
        "protoc",
        f"-I{PROTOS}",
        f"-I{well_known}",
        f"--python_out={out}",
        f"--pyi_out={out}",
        f"--grpc_python_out={out}",
        *protos,
    ]
    if protoc.main(args) != 0:
        raise RuntimeError("protoc failed: " + " ".join(args))
    for folder in [target, *[d for d in target.rglob("*") if d.is_dir()]]:
        (folder / "__init__.py").touch()
    return sorted(p for p in target.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ns = parser.parse_args()
    files = generate(ns.out)
    print(f"generated {len(files)} files under {ns.out / 'crm'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

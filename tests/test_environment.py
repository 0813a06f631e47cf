"""environment.yml (for conda users) names the same dependencies as pyproject.toml."""
import re
import tomllib

from conftest import ROOT

CONDA_NAMES = {"vadersentiment": "vadersentiment", "dask[bag]": "dask"}


def _norm(name):
    name = re.split(r"[<>=!~ ;]", name.strip())[0].lower()
    return CONDA_NAMES.get(name, name)


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_norm(d) for d in py["dependencies"]}
    for extra in py.get("optional-dependencies", {}).values():
        wanted |= {_norm(d) for d in extra}
    names = set()
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^\s+-\s+([A-Za-z][\w.\[\]-]*)", line)
        if m and m.group(1) not in ("pip", "python"):
            names.add(_norm(m.group(1)))
    names.discard("-e")
    assert wanted - names == set(), f"missing from environment.yml: {wanted - names}"
    assert names - wanted == set(), f"in environment.yml but not pyproject.toml: {names - wanted}"


def test_every_direct_dependency_is_pinned():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = {line.split("==")[0].lower() for line in (ROOT / "constraints.txt").read_text().splitlines()
            if "==" in line and not line.startswith("#")}
    deps = list(py["dependencies"]) + [d for ex in py["optional-dependencies"].values() for d in ex]
    missing = {_norm(d) for d in deps} - {p.lower() for p in pins}
    assert not missing, f"not pinned in constraints.txt: {missing}"

"""The locked environment: requirements.txt and requirements-test.txt pin every package, dependencies included,
with hashes; they are made from requirements.in and requirements-test.in (python3 tasks.py lock), and the
environment the tests run in is exactly the test lock."""

import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"requirements.txt": "requirements.in", "requirements-test.txt": "requirements-test.in"}


def lock_entries(name):
    """{(package, marker or ''): (version, number of hashes)} of a lock file written by uv pip compile."""
    text = (ROOT / name).read_text()
    entries = {}
    for block in re.split(r"\n(?=\S)", text):
        head = block.split("\\")[0].strip()
        if not head or head.startswith("#"):
            continue
        req = Requirement(head)
        pins = [s for s in req.specifier if s.operator == "=="]
        assert len(pins) == 1 and len(req.specifier) == 1, f"{name}: {head} is not pinned to one version"
        entries[canonicalize_name(req.name), str(req.marker or "")] = (pins[0].version, block.count("--hash=sha256:"))
    return entries


def top_level(name):
    """The requirements written in an .in file (following -r), as packaging Requirements."""
    out = []
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            out += top_level(line[3:].strip())
        elif line:
            out.append(Requirement(line))
    return out


def pinned_for(entries, package, python):
    """The version a lock installs of ``package`` on Python ``python`` (e.g. '3.10')."""
    env = {"python_version": python, "python_full_version": python + ".0", "sys_platform": "linux",
           "platform_system": "Linux", "platform_machine": "x86_64", "implementation_name": "cpython",
           "platform_python_implementation": "CPython", "os_name": "posix"}
    found = {v for (name, marker), (v, _) in entries.items()
             if name == canonicalize_name(package) and (not marker or Marker(marker).evaluate(env))}
    assert len(found) <= 1, f"{package}: two versions for Python {python}: {found}"
    return found.pop() if found else None


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_is_pinned_with_hashes(lock):
    entries = lock_entries(lock)
    assert len(entries) > 50, "dependencies included, not only the top level"
    for (name, _), (_, hashes) in entries.items():
        assert hashes >= 1, f"{lock}: {name} has no hash"
    assert "python3 tasks.py lock" in (ROOT / lock).read_text().splitlines()[1], "the header says how to remake it"


@pytest.mark.parametrize("lock", LOCKS)
@pytest.mark.parametrize("python", ["3.10", "3.11", "3.12", "3.13"])
def test_lock_is_made_from_its_in_file(lock, python):
    entries = lock_entries(lock)
    for req in top_level(LOCKS[lock]):
        env_python = {"python_version": python, "python_full_version": python + ".0"}
        if req.marker and not req.marker.evaluate(env_python):
            continue
        pinned = pinned_for(entries, req.name, python)
        assert pinned is not None, f"{lock} has no {req.name} for Python {python}: run python3 tasks.py lock"
        assert req.specifier.contains(pinned), (
            f"{LOCKS[lock]} asks for {req} but {lock} pins {pinned}: run python3 tasks.py lock")


@pytest.mark.parametrize("python", ["3.10", "3.11", "3.12", "3.13"])
def test_learners_get_the_versions_the_tests_ran_with(python):
    learner, tested = lock_entries("requirements.txt"), lock_entries("requirements-test.txt")
    for name, _ in learner:
        assert pinned_for(learner, name, python) == pinned_for(tested, name, python), name


def test_what_the_notebooks_are_rendered_and_compared_with_is_pinned():
    """nbconvert (which the deck and site templates extend) and nbval (which compares the outputs) change what
    the tests see from one release to the next: both come from the lock, not from whatever is newest."""
    entries = lock_entries("requirements-test.txt")
    for name in ("nbconvert", "nbformat", "nbclient", "nbval", "jupyter-client", "ipykernel", "numpy", "pillow"):
        assert pinned_for(entries, name, "3.11"), name


def test_this_environment_is_the_test_lock():
    """tasks.py installed exactly the lock: every package whose marker applies here, at its pinned version."""
    wrong = []
    for (name, marker), (pinned, _) in lock_entries("requirements-test.txt").items():
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "missing"
        if installed != pinned:
            wrong.append(f"{name} {installed} (lock: {pinned})")
    assert not wrong, "installed versions differ from requirements-test.txt: " + ", ".join(wrong)

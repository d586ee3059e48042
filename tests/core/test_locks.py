"""The supply chain: every Python package that make installs is pinned with the hashes of its files, pip and
setuptools included, and make refuses anything else (docs/deploying.md, "Upgrading dependencies")."""

import re

import pytest

from checkje.core.settings import ROOT

LOCKS = ("requirements.lock", "requirements-dev.lock", "requirements-tools.lock")
# A pinned requirement: a name, ==, a version, then its hashes (pip-compile --generate-hashes).
REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})+)", re.M)


def pins(lock):
    text = (ROOT / lock).read_text()
    found = {name.lower(): (version, hashes) for name, version, hashes in REQUIREMENT.findall(text)}
    # Every line that is no comment belongs to a pinned requirement with its hashes: nothing unpinned slips in.
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    starts = [line for line in lines if not line.startswith(" ")]
    assert len(starts) == len(found), set(starts) - {f"{name}==" for name in found}
    return found


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_is_pinned_with_hashes_and_so_are_pip_and_setuptools(lock):
    found = pins(lock)
    assert {"pip", "setuptools"} <= set(found)
    assert all(hashes.count("--hash=sha256:") >= 1 for _, hashes in found.values())


def test_the_tests_install_the_same_versions_as_the_server():
    serving, testing = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: version for name, (version, _) in serving.items()} == {name: testing[name][0] for name in serving}


def test_make_installs_only_hashed_wheels():
    makefile = (ROOT / "Makefile").read_text()
    recipes = [line for line in makefile.splitlines() if line.startswith("\t")]
    assert not [line for line in recipes if "pip install" in line], "every install goes through PIP_INSTALL"
    assert len([line for line in recipes if "$(PIP_INSTALL) -r" in line]) == 3
    assert "--require-hashes --only-binary :all:" in re.search(r"^PIP_INSTALL = (.*)$", makefile, re.M).group(1)

from datetime import date
from pathlib import Path

import pytest

from iru.data.synthetic import generate

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tiny")
    generate(out, seed=2016, scale="tiny", today=TODAY)
    return out


@pytest.fixture(scope="session")
def default(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("default")
    generate(out, seed=2016, scale="default", today=TODAY)
    return out

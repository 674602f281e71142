"""Many manuscripts through Dask (footnorm.batch)."""

from __future__ import annotations

from conftest import SEED
from footnorm.batch import summarise, summarise_one


def test_summaries_in_order_with_errors_as_data(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("Text.[^1]\n\n[^1]: Smith, A History (London: Press, 1990), 12.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = summarise([str(SEED), str(md), str(missing)], scheduler="sync")
    assert [o["path"] for o in out] == [str(SEED), str(md), str(missing)]
    assert out[0] == summarise_one(str(SEED))
    assert (out[1]["markers"], out[1]["notes"], out[1]["citations"]) == (1, 1, 1)
    assert "no such file" in out[2]["error"]


def test_threads_give_the_same_result_as_one_process():
    paths = [str(SEED)] * 4
    assert summarise(paths, scheduler="threads", partition_size=1) == summarise(paths, scheduler="sync")


def test_no_paths():
    assert summarise([]) == []

"""DuckDB vs Spark parity for the one event pipeline (Spark local mode, one session for all tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from realpolitik.events import ingest, pipeline
from realpolitik.events.engines import SparkEngine, parquet_files, to_spark
from realpolitik.sources.events import synthetic

pytestmark = pytest.mark.spark


@pytest.fixture(scope="session")
def spark_engine():
    if shutil.which("java") is None:
        pytest.skip("Spark tests need Java (apt-get install default-jre-headless)")
    pytest.importorskip("pyspark", reason="Spark tests need pyspark")
    eng = SparkEngine("local[2]")
    yield eng
    eng.close()


def read_out(path: Path) -> pd.DataFrame:
    return pd.concat([pd.read_parquet(f) for f in parquet_files(path)], ignore_index=True)


def compare(duck: pd.DataFrame, spark: pd.DataFrame) -> None:
    """Counts and keys must be identical; float sums/means equal to 1e-9 relative (summation order differs)."""
    d, s = pipeline.sort_frame(duck), pipeline.sort_frame(spark)
    assert list(d.columns) == list(s.columns)
    assert len(d) == len(s)
    exact = [c for c in d.columns if c not in pipeline.MEANS + pipeline.FLOATS]
    pd.testing.assert_frame_equal(d[exact].astype(str), s[exact].astype(str))
    floats = pipeline.MEANS + pipeline.FLOATS
    pd.testing.assert_frame_equal(d[floats], s[floats], check_dtype=False, rtol=1e-9, atol=1e-12)


def test_parity_on_real_samples_and_synthetic_export(
    spark_engine, raw_dir: Path, tmp_path: Path
) -> None:  # noqa: ANN001
    ev = raw_dir / "events"
    syn = synthetic.write_export(tmp_path / "20200101000000.export.CSV", 5_000, seed=11)
    paths = [
        ev / "Luka-Radulovic__gdelts-conflict-analysis" / "20201114.csv",
        ev / "arekziobrowski__gdelt-big-data" / "20191024143000.export.CSV",
        ev / "reed9999__gdelt-demo" / "gdelt1_events_sample_20160728.tsv",
        ev / "andybega__icews" / "events.2018.sample.tab",
        syn,
    ]
    duck = ingest.ingest(paths, tmp_path / "duck")
    spark = ingest.ingest(paths, tmp_path / "spark", engine="spark")
    # identical de-duplication counts and identical event rows
    pd.testing.assert_frame_equal(duck.report, spark.report, check_dtype=False)
    assert duck.report["duplicates"].sum() > 1000  # Luka re-export ~1,000 + synthetic ~250
    ed = (
        read_out(duck.files["events"])
        .sort_values(["dataset", "event_id", "origin"])
        .reset_index(drop=True)
    )
    es = (
        read_out(spark.files["events"])
        .sort_values(["dataset", "event_id", "origin"])
        .reset_index(drop=True)
    )
    assert len(ed) == len(es) == duck.report["rows_kept"].sum()
    pd.testing.assert_frame_equal(ed.astype(str), es.astype(str))
    for table in ("dyad_month", "dyad_year"):
        compare(read_out(duck.files[table]), read_out(spark.files[table]))


def test_spark_sql_is_the_transpiled_duckdb_sql() -> None:
    sql = pipeline.dyad_month_sql("events")
    out = to_spark(sql)
    assert "ym DIV 100" in out and "//" not in out  # integer division transpiled


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_spark_strict_gdelt2_reader_fails_on_wrong_width(spark_engine, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.export.CSV"
    bad.write_text("\t".join(["1"] * 61) + "\n" + "\t".join(["1"] * 60) + "\n")
    spark_engine.gdelt2("bad_raw", [bad])
    with pytest.raises(Exception, match="(?i)malformed|FAILFAST"):
        spark_engine.df("SELECT COUNT(*) AS n, MAX(SOURCEURL) AS u FROM bad_raw")

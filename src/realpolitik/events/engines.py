"""Two execution engines for the one event pipeline: DuckDB (default) and Spark (local or cluster).

The pipeline's SQL is written once in DuckDB's dialect. `DuckEngine` runs it as is; `SparkEngine`
transpiles every statement to Spark SQL with sqlglot (`sqlglot.transpile(sql, read="duckdb",
write="spark")`) and runs it with `spark.sql`. Both expose the same small interface: register inputs as
named views, define views by SQL, fetch results as pandas, write Parquet.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from pathlib import Path
from typing import Protocol

import pandas as pd

from realpolitik.events import schema
from realpolitik.sources.events import gdelt2


def parquet_files(path: Path | str) -> list[str]:
    """Parquet files behind an output path (a file from DuckDB, a directory of parts from Spark)."""
    p = Path(path)
    if p.is_dir():
        return sorted(glob.glob(str(p / "*.parquet")))
    return [str(p)]


class Engine(Protocol):
    name: str

    def frame(self, name: str, df: pd.DataFrame, ddl: str | None = None) -> None: ...
    def gdelt2(self, name: str, paths: list[Path]) -> None: ...
    def parquet(self, name: str, path: Path | str) -> None: ...
    def view(self, name: str, sql: str) -> None: ...
    def df(self, sql: str) -> pd.DataFrame: ...
    def write_parquet(self, sql: str, path: Path, compression: str = "zstd") -> None: ...
    def close(self) -> None: ...


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class DuckEngine:
    """DuckDB in-process; threads default to the machine's cores (override with `threads`)."""

    name = "duckdb"

    def __init__(self, threads: int | None = None, memory_limit: str | None = None) -> None:
        import duckdb

        self.con = duckdb.connect(":memory:")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        if memory_limit:
            self.con.execute(f"SET memory_limit = {_q(memory_limit)}")
        self.con.execute("SET preserve_insertion_order = false")

    def frame(self, name: str, df: pd.DataFrame, ddl: str | None = None) -> None:
        self.con.register(f"_{name}_df", df)
        self.con.execute(f'CREATE OR REPLACE TEMP VIEW "{name}" AS SELECT * FROM "_{name}_df"')

    def gdelt2(self, name: str, paths: list[Path]) -> None:
        self.view(name, f"SELECT * FROM {gdelt2.read_csv_sql(paths)}")

    def parquet(self, name: str, path: Path | str) -> None:
        files = "[" + ", ".join(_q(f) for f in parquet_files(path)) + "]"
        self.view(name, f"SELECT * FROM read_parquet({files})")

    def view(self, name: str, sql: str) -> None:
        self.con.execute(f'CREATE OR REPLACE TEMP VIEW "{name}" AS {sql}')

    def df(self, sql: str) -> pd.DataFrame:
        return self.con.execute(sql).df()

    def write_parquet(self, sql: str, path: Path, compression: str = "zstd") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.con.execute(
            f"COPY ({sql}) TO {_q(str(path))} (FORMAT parquet, COMPRESSION {compression})"
        )

    def close(self) -> None:
        self.con.close()


_ARROW = {
    "STRING": "string",
    "INT": "int32",
    "BIGINT": "int64",
    "DOUBLE": "float64",
    "DATE": "date32",
}


def _arrow_schema(ddl: str):  # noqa: ANN202 (pyarrow is imported lazily)
    """A pyarrow schema from a simple Spark DDL string ('`a` STRING, b INT, …')."""
    import pyarrow as pa

    fields = []
    for part in ddl.split(","):
        col, typ = part.strip().rsplit(" ", 1)
        fields.append(pa.field(col.strip("`"), getattr(pa, _ARROW[typ.upper()])()))
    return pa.schema(fields)


def to_spark(sql: str) -> str:
    """Transpile one DuckDB SQL statement to Spark SQL."""
    import sqlglot

    return sqlglot.transpile(sql, read="duckdb", write="spark")[0]


_SESSIONS: dict[str, object] = {}


def spark_session(master: str = "local[2]"):  # noqa: ANN201 (pyspark is optional)
    """A quiet Spark session (small shuffle partitions, UTC, no UI), shared per master URL."""
    from realpolitik.errors import UserError

    if master in _SESSIONS:
        return _SESSIONS[master]
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise UserError("the Spark engine needs pyspark: pip install 'realpolitik[spark]'") from e
    os.environ.setdefault("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", "python3"))
    spark = (
        SparkSession.builder.master(master)
        .appName("realpolitik-events")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.csv.parser.columnPruning.enabled", "false")  # keep width checks strict
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    _SESSIONS[master] = spark
    return spark


class SparkEngine:
    """PySpark SQL; every statement is the DuckDB SQL transpiled with sqlglot."""

    name = "spark"

    def __init__(self, master: str = "local[2]") -> None:
        self.spark = spark_session(master)
        self.views: list[str] = []
        self.tmp = tempfile.mkdtemp(prefix="realpolitik-spark-")

    def frame(self, name: str, df: pd.DataFrame, ddl: str | None = None) -> None:
        """Hand a pandas frame to Spark through a Parquet file (no Python workers, exact types)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = Path(self.tmp) / f"{name}-{len(self.views)}.parquet"
        schema = _arrow_schema(ddl) if ddl else None
        table = pa.Table.from_pandas(df, schema=schema, preserve_index=False)
        pq.write_table(table, path)
        self.spark.read.parquet(str(path)).createOrReplaceTempView(name)
        self.views.append(name)

    def gdelt2(self, name: str, paths: list[Path]) -> None:
        ddl = ", ".join(f"`{k}` {gdelt2.SPARK_TYPES[v]}" for k, v in gdelt2.COLUMNS.items())
        sdf = self.spark.read.csv(
            [str(p) for p in paths], schema=ddl, sep="\t", header=False, quote="",
            escape="", mode="FAILFAST", enforceSchema=True,
        )  # fmt: skip
        sdf.createOrReplaceTempView(name)
        self.views.append(name)

    def parquet(self, name: str, path: Path | str) -> None:
        self.spark.read.parquet(*parquet_files(path)).createOrReplaceTempView(name)
        self.views.append(name)

    def view(self, name: str, sql: str) -> None:
        self.spark.sql(to_spark(sql)).createOrReplaceTempView(name)
        self.views.append(name)

    def df(self, sql: str) -> pd.DataFrame:
        return self.spark.sql(to_spark(sql)).toPandas()

    def write_parquet(self, sql: str, path: Path, compression: str = "zstd") -> None:
        self.spark.sql(to_spark(sql)).write.mode("overwrite").option(
            "compression", compression
        ).parquet(str(path))

    def close(self) -> None:
        for v in self.views:
            self.spark.catalog.dropTempView(v)
        self.views.clear()
        shutil.rmtree(self.tmp, ignore_errors=True)


def make_engine(
    name: str = "duckdb", master: str = "local[2]", threads: int | None = None
) -> Engine:
    """The engine called `name` ('duckdb' or 'spark')."""
    from realpolitik.errors import UserError

    if name == "duckdb":
        return DuckEngine(threads=threads)
    if name == "spark":
        return SparkEngine(master)
    raise UserError(f"unknown engine {name!r} (duckdb or spark)")


EVENTS_DDL = schema.spark_ddl()

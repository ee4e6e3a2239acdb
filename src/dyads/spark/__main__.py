"""``python -m dyads.spark INPUT... OUTPUT``, or ``spark-submit`` this file on a cluster:
the same as ``dyads spark ingest`` (the master is the one spark-submit names)."""

from __future__ import annotations

import sys

from dyads.cli.spark_cmd import spark_ingest_cmd

if __name__ == "__main__":
    sys.exit(spark_ingest_cmd.main(prog_name="python -m dyads.spark"))

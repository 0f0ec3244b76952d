"""Readers of upstream datasets in their official published formats. Nothing else knows a raw format.

Each module may declare DATASETS: list[realpolitik.snapshot.dataset.Dataset]; the snapshot builder
discovers them.
"""

"""Pure-Python data model: dates, records, loading and validation, period queries.

Nothing here imports Qt or pyqtgraph; the window, the exporters and the command line build on it.
"""

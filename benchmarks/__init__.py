"""How fast the app loads, starts, paints, follows a selection and exports, at 1,000 to 1,000,000
events.

Run ``python -m benchmarks`` from the repository root (``--help`` for the options). Every figure
comes from the app's own code paths; each measurement that needs a clean process (loading a file,
starting the window, exporting, painting a large dataset) runs in one of its own.
"""

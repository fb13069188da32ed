"""The passes of the analysis, one module per question; `pipeline.PASSES` gives their order."""

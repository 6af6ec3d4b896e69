"""Pure functions of the pipeline: parse, extract, normalize. Data in, data out; no I/O."""

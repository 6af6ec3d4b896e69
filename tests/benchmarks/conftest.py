"""The benchmark runs with `make bench`, never inside `make test`: pytest collects nothing here."""
collect_ignore_glob = ["*.py"]

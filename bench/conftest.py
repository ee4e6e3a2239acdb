# Benchmarks are scripts, never tests: keep pytest out of this folder if it is ever pointed here.
collect_ignore_glob = ["*.py"]

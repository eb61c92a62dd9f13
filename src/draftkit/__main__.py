"""`python -m draftkit`: the `draftkit` program, for an environment without its script."""

from draftkit.cli import run

if __name__ == "__main__":
    run()

"""``python -m paperkg``: the same CLI as the ``kg`` command."""

from paperkg.cli import main

if __name__ == "__main__":
    main(prog_name="kg")

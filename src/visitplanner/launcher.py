"""The ``visitplanner`` entry point: the app with no arguments, else the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Open the app (no arguments, or ``gui [PROJECT]``) or run a subcommand."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "gui":
        try:
            from visitplanner.ui.app import run_app
        except ImportError as exc:
            from visitplanner.i18n import _, set_language

            set_language(None)
            print(
                _(
                    "The desktop app cannot start here ({reason}). "
                    "The command line works: visitplanner --help"
                ).format(reason=exc),
                file=sys.stderr,
            )
            return 2
        return run_app(args[1] if len(args) > 1 else None)
    from visitplanner.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())

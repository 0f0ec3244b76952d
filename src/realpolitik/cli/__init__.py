"""The command line: `realpolitik` (typer). Each module here registers its own commands."""

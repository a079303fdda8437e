"""Implementations of the CLI's commands, imported only when used."""

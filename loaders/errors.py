"""Errors the loaders raise for input they cannot read."""


class DocumentError(ValueError):
    """A document that cannot be read as text: missing, binary, empty or of an unsupported kind."""

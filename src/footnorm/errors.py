"""The one exception family the library raises; the CLI turns it into a one-line message."""


class FootnormError(Exception):
    """A problem with the user's input or output that is not a bug in footnorm."""


class InputError(FootnormError):
    """The input cannot be read as a UTF-8 text document."""

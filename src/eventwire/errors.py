"""The project's exceptions. Each carries a numbered code and names the input and the problem.

Library code raises these; the CLI and the web layer turn them into a clean message and exit
code, never a traceback.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: `code` is a stable number (E0xx), `source` names the offending input."""

    code = "E000"

    def __init__(self, message: str, source: str | None = None):
        self.message = message
        self.source = source
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(EventwireError):
    """A story that cannot be read or coded (empty, binary, too large, not English...)."""

    code = "E001"


class InputMissingError(InputError):
    code = "E002"


class InputEncodingError(InputError):
    code = "E003"


class InputTooLargeError(InputError):
    code = "E004"


class NotEnglishError(InputError):
    code = "E005"


class EmptyInputError(InputError):
    code = "E006"


class BinaryInputError(InputError):
    code = "E007"


class MetadataError(InputError):
    """Bad metadata: a published date that is not YYYY-MM-DD, say."""

    code = "E008"


class DataFileError(EventwireError):
    """A dictionary or ontology data file failed validation when loaded."""

    code = "E010"


class OntologyError(DataFileError):
    code = "E011"


class ModelNotFoundError(EventwireError):
    """The configured spaCy model is not installed."""

    code = "E020"


class SettingError(EventwireError):
    code = "E021"


class MissingExtraError(EventwireError):
    """An optional extra (ray, web, ...) is not installed; the message gives the install command."""

    code = "E030"


class StoreError(EventwireError):
    code = "E040"


class StoreLockedError(StoreError):
    """Another process holds the database file read-write."""

    code = "E041"


class GoldFileError(EventwireError):
    """An evaluation gold file that cannot be read."""

    code = "E050"

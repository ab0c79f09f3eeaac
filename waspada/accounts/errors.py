"""Errors of account requests; each is a MessageError (catalogue key + params, rendered in
the reader's language; ``str(error)`` is Indonesian) whose class says what failed.
All are AccountError, which stays a ValueError as before the split."""

from __future__ import annotations

from waspada.i18n import MessageError


class AccountError(MessageError, ValueError):
    """A request about accounts that cannot be done (raised with a catalogue key)."""


class InvalidUsernameError(AccountError):
    """The user name breaks the naming rule."""


class UserExistsError(AccountError):
    """A user with that name already exists."""


class UnknownUserError(AccountError):
    """No user with that name."""


class ScopeError(AccountError):
    """The role, province or kabupaten/kota codes do not fit together."""


class EmailError(AccountError):
    """The email address is malformed or belongs to another account."""


class LastAdminError(AccountError):
    """The change would leave the installation without an active admin."""


class PasswordPolicyError(AccountError):
    """The new password breaks the policy (length, equal to the user name, unchanged)."""


class WrongPasswordError(AccountError):
    """The current password given to change it is wrong."""

"""The accounts area's public face: users, log-in, roles (``users``) and the investigator's sealed key (``keys``)."""

from itatui.store.accounts.users import (
    FREE_FAILURES,
    MAX_DELAY,
    MIN_PASSWORD,
    AccountError,
    UserInfo,
    authenticate,
    change_password,
    check_password_strength,
    count_users,
    create_user,
    get_user,
    hash_password,
    list_users,
    set_active,
    set_roles,
)

__all__ = [
    "FREE_FAILURES",
    "MAX_DELAY",
    "MIN_PASSWORD",
    "AccountError",
    "UserInfo",
    "authenticate",
    "change_password",
    "check_password_strength",
    "count_users",
    "create_user",
    "get_user",
    "hash_password",
    "list_users",
    "set_active",
    "set_roles",
]

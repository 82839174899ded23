"""One base for the errors a user sees: a key, its params, the message in either language."""

from __future__ import annotations

import pytest

from itatui.domain.idcard import NationalIdError
from itatui.domain.phone import PhoneError
from itatui.domain.roles import Perm, PermissionDenied
from itatui.domain.tracking import TrackingCodeError
from itatui.domain.validation import FieldProblem, ValidationError
from itatui.importers.errors import PlanFormatError
from itatui.present.errors import UserError
from itatui.present.numbers import InputError
from itatui.store.accounts import AccountError
from itatui.store.accounts.keys import SealedKeyError
from itatui.store.complaints.types import ComplaintError
from itatui.store.plan.importing import ImportRefused
from itatui.store.plan.progress import ProgressLocked


def test_the_message_in_either_language():
    err = UserError("err.login_wait", {"seconds": 4})
    assert err.key == "err.login_wait" and err.params == {"seconds": 4}
    assert err.text("en") != err.text("th")
    assert "4" in err.text("en")
    assert str(err) == err.text("th")  # the tests run in Thai
    assert err.args == ("err.login_wait",)  # logs keep the key, not a translated text


def test_an_unknown_key_shows_itself_and_a_missing_param_never_crashes():
    assert str(UserError("no.such.key")) == "no.such.key"
    assert UserError("err.login_wait").text("en")


@pytest.mark.parametrize(
    "err",
    [
        InputError("err.not_a_number"),
        AccountError("err.bad_login"),
        ComplaintError("complaint.err.not_found"),
        PlanFormatError("import.err.empty"),
        NationalIdError("err.national_id"),
        PhoneError("err.phone"),
        TrackingCodeError("err.tracking"),
        ImportRefused("err.progress_locked", fiscal_year=2569),
        ProgressLocked(2569),
        PermissionDenied(Perm.USERS_MANAGE),
        SealedKeyError("identity.err.wrong_password"),
    ],
)
def test_every_user_facing_error_is_a_user_error(err):
    assert isinstance(err, UserError)
    assert isinstance(err.key, str) and str(err)


def test_permission_denied_says_so_in_thai():
    assert str(PermissionDenied(Perm.USERS_MANAGE)) == "ท่านไม่มีสิทธิ์ทำรายการนี้"


def test_a_form_refusal_lists_every_problem():
    err = ValidationError([FieldProblem("a", "err.required"), FieldProblem("b", "err.negative")])
    assert str(err) == "จำเป็นต้องกรอก; ต้องไม่ติดลบ"
    assert err.text("en") == "Required; Must not be negative"

"""Who needs the second factor (TOTP, django-otp), and the check the doors make.

Voting members need it for every vote (council.services.ballot_cast); so do the officers who sign or issue
(the capabilities in settings.SECOND_FACTOR_CAPABILITIES: approving a nomination is the signature, issuing
or revoking a decision gives it a number), and the administrator (the admin site's own login). A browser
session keeps the verification until logout; an API call sends the code with it. Enrolment is offered only
to those users.
"""

from django.conf import settings

from thidua.core.errors import SecondFactorRequired

from .access import has_any
from .models import Capability

ERR_SECOND_FACTOR = ("{action} cần xác thực hai lớp: nhập mã 6 chữ số trên ứng dụng xác thực (hoặc một mã dự phòng) "
                     "rồi thực hiện lại.")


def second_factor_require(capability: str, otp_verified: bool, action: str) -> None:
    """Refuse (403) a signing or issuing act made without the second factor."""
    if capability in settings.SECOND_FACTOR_CAPABILITIES and not otp_verified:
        raise SecondFactorRequired(ERR_SECOND_FACTOR.format(action=action))


def second_factor_needed(user) -> bool:
    """Whether this user's roles ask for the second factor somewhere (and so may enrol)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return any(has_any(user, cap) for cap in (Capability.COUNCIL_VOTE, *settings.SECOND_FACTOR_CAPABILITIES))

"""Public disclosure of a nomination list (công khai) and the public's comments on it: the step that
gates the decision (domain §7; Luật TĐKT 2022 Đ14, NĐ 152/2025). It lives with the nomination it gates;
the council's session checks it too, from above. Doors (atomic, audited) first, then the scoped reads."""

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from thidua.accounts.access import can, scope_q
from thidua.accounts.models import Capability
from thidua.audit.services import audit_record
from thidua.core.conf import rulebook_settings
from thidua.core.errors import ERR_NO_PERMISSION, NOT_FOUND, one_or_404
from thidua.formatting import format_date
from thidua.rulebook.codes import ORDERS
from thidua.rulebook.workdays import add_working_days, default_holidays, is_working_day

from . import files, handoffs
from .models import CommentStatus, Disclosure, DisclosureComment, DocType, Nomination, NominationStatus

ERR_DISCLOSURE_STATUS = "Chỉ công khai đề nghị đã trình hoặc đã phê duyệt, chưa ban hành quyết định."
ERR_DISCLOSURE_PAST = ("Ngày bắt đầu công khai ({day}) đã qua: việc công khai bắt đầu từ hôm nay hoặc một ngày "
                       "sau, để nhân dân được xem và góp ý đủ thời gian.")
ERR_DISCLOSURE_DUP = "Đề nghị này đang được công khai."
ERR_PAPER_DATE = "Ngày niêm yết phải là một ngày đã qua hoặc hôm nay (ghi nhận việc đã niêm yết trên giấy)."
ERR_PAPER_YEAR = "Ngày niêm yết ({day}) trước năm thành tích {year}: không thể là danh sách của đề nghị này."
ERR_PAPER_PLACE = "Phải ghi nơi niêm yết (ví dụ: Bảng tin trụ sở UBND xã)."
ERR_PAPER_PROOF = "Phải kèm bản chụp biên bản hoặc ảnh niêm yết làm minh chứng."
ERR_COMMENT_EMPTY = "Phải nhập nội dung ý kiến."
ERR_COMMENT_LONG = "Nội dung ý kiến quá dài: tối đa {n} ký tự."
ERR_COMMENT_CLOSED = "Danh sách này không còn trong thời gian công khai, không nhận thêm ý kiến."
ERR_COMMENT_FLOOD = (
    "Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn ({n} ý kiến trong {minutes} phút). Vui lòng thử lại sau."
)
ERR_COMMENT_BOT = "Không gửi được ý kiến: biểu mẫu không hợp lệ."
ERR_RESPONSE = "Phải nhập nội dung trả lời, xử lý ý kiến."
ERR_FIELD_LONG = "{field} quá dài: tối đa {n} ký tự."


class CommentFlood(ValidationError):
    """Too many comments from one address: the page and the API answer 429."""
BLOCK_RUNNING = "Danh sách đề nghị đang trong thời gian công khai (đến hết ngày {end}); chưa thể ban hành quyết định."
BLOCK_COMMENTS = "Còn {n} ý kiến góp ý của nhân dân chưa được xử lý, trả lời; chưa thể ban hành quyết định."
BLOCK_DATED = (
    "Ngày ban hành quyết định ({day}) phải sau khi hết thời gian công khai danh sách đề nghị (đến hết ngày {end})."
)


# ---------------------------------------------------------------- doors


def disclosure_days(code: str) -> int:
    st = rulebook_settings()
    return st.disclosure_days_orders if code in ORDERS else st.disclosure_days_other


def disclosure_end(start: dt.date, code: str) -> dt.date:
    """Last day of a disclosure of n working days starting on ``start`` (counted as day one when it
    is a working day), skipping weekends and Vietnamese public holidays."""
    st = rulebook_settings()
    n = disclosure_days(code)
    hol = default_holidays(range(start.year - 1, start.year + 2), st)
    return add_working_days(start, n - 1 if is_working_day(start, hol) else n, hol)


def can_disclose(user, nomination) -> bool:
    return can(user, Capability.COUNCIL_MANAGE, nomination.decider_unit)


@transaction.atomic
def disclosure_open(*, nomination: Nomination, acting_user, start: dt.date | None = None) -> Disclosure:
    nomination = _lock_for_disclosure(nomination, acting_user)
    start = start or timezone.localdate()
    if start < timezone.localdate():
        # The public must be able to read the whole period: it starts today or later. A list posted on
        # paper earlier is not recorded by back-dating this one.
        raise ValidationError(ERR_DISCLOSURE_PAST.format(day=format_date(start)))
    return _create(nomination, start, acting_user, action="disclosure.opened")


def _lock_for_disclosure(nomination, acting_user):
    nomination = Nomination.objects.select_for_update().select_related("decider_unit").get(pk=nomination.pk)
    if not can_disclose(acting_user, nomination):
        raise PermissionDenied(ERR_NO_PERMISSION)
    if nomination.status not in (NominationStatus.SUBMITTED, NominationStatus.APPROVED):
        raise ValidationError(ERR_DISCLOSURE_STATUS)
    return nomination


def _create(nomination, start, acting_user, *, action, **extra) -> Disclosure:
    end = disclosure_end(start, nomination.award_code)
    if nomination.disclosures.filter(start__lte=end, end__gte=start).exists():
        raise ValidationError(ERR_DISCLOSURE_DUP)
    days = disclosure_days(nomination.award_code)
    disclosure = Disclosure.objects.create(nomination=nomination, start=start, end=end, working_days=days,
                                           published_by=acting_user, **extra)
    data = {"start": start.isoformat(), "end": end.isoformat(), "working_days": days}
    if disclosure.on_paper:
        data.update(place=disclosure.place, proof=disclosure.proof.original_name)
    audit_record(actor=acting_user, action=action, target=nomination, unit=nomination.decider_unit, data=data)
    return disclosure


@transaction.atomic
def disclosure_record_paper(*, nomination: Nomination, acting_user, posted_on: dt.date, place: str,
                            proof) -> Disclosure:
    """A list already posted on paper (niêm yết at the office) before it was entered here: a separate, audited
    act with the posting's date and place and a scanned proof, never a back-dated online disclosure. Its period
    runs from the posting day like any other; the council and the decision wait for its end as usual."""
    nomination = _lock_for_disclosure(nomination, acting_user)
    if posted_on is None or posted_on > timezone.localdate():
        raise ValidationError(ERR_PAPER_DATE)
    if posted_on.year < nomination.year:
        raise ValidationError(ERR_PAPER_YEAR.format(day=format_date(posted_on), year=nomination.year))
    place = (place or "").strip()
    if not place:
        raise ValidationError(ERR_PAPER_PLACE)
    if not proof:
        raise ValidationError(ERR_PAPER_PROOF)
    doc = files.store(nomination, DocType.CONG_KHAI, proof, acting_user)
    return _create(nomination, posted_on, acting_user, action="disclosure.recorded_on_paper", on_paper=True,
                   place=place[:300], proof=doc)


def ip_hash(ip: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), (ip or "").encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def comment_submit(
    *, disclosure: Disclosure, text: str, ip: str, author_name: str = "", contact: str = "", honeypot: str = ""
) -> DisclosureComment:
    """A comment from the public (no login): size-limited, rate-limited per address, moderated."""
    if honeypot:
        raise ValidationError(ERR_COMMENT_BOT)
    text = (text or "").strip()
    if not text:
        raise ValidationError(ERR_COMMENT_EMPTY)
    limit = settings.DISCLOSURE_COMMENT_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(ERR_COMMENT_LONG.format(n=limit))
    author_name, contact = (author_name or "").strip(), (contact or "").strip()
    if len(author_name) > 120:
        raise ValidationError(ERR_FIELD_LONG.format(field="Họ tên", n=120))
    if len(contact) > 200:
        raise ValidationError(ERR_FIELD_LONG.format(field="Thông tin liên hệ", n=200))
    if not disclosure.running_on(timezone.localdate()):
        raise ValidationError(ERR_COMMENT_CLOSED)
    count, seconds = settings.DISCLOSURE_COMMENT_RATE
    key = ip_hash(ip)
    since = timezone.now() - dt.timedelta(seconds=seconds)
    if DisclosureComment.objects.filter(ip_hash=key, created_at__gte=since).count() >= count:
        raise CommentFlood(ERR_COMMENT_FLOOD.format(n=count, minutes=seconds // 60))
    comment = DisclosureComment.objects.create(
        disclosure=disclosure, text=text, author_name=author_name, contact=contact, ip_hash=key
    )
    audit_record(actor=None, action="disclosure.comment_received", target=disclosure.nomination,
                 unit=disclosure.nomination.decider_unit, data={"comment": comment.pk, "chars": len(text)})
    handoffs.comment_received(disclosure)
    return comment


def _lock_comment(comment: DisclosureComment, acting_user) -> tuple[DisclosureComment, Nomination]:
    """The comment, locked, and its nomination, for staff of the deciding level only."""
    comment = (
        DisclosureComment.objects.select_for_update()
        .select_related("disclosure__nomination__decider_unit")
        .get(pk=comment.pk)
    )
    nomination = comment.disclosure.nomination
    if not can_disclose(acting_user, nomination):
        raise PermissionDenied(ERR_NO_PERMISSION)
    return comment, nomination


@transaction.atomic
def comment_moderate(*, comment: DisclosureComment, approve: bool, acting_user) -> DisclosureComment:
    comment, nomination = _lock_comment(comment, acting_user)
    old = comment.status
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.moderated_by, comment.moderated_at = acting_user, timezone.now()
    comment.save(update_fields=["status", "moderated_by", "moderated_at"])
    audit_record(actor=acting_user, action="disclosure.comment_moderated", target=nomination,
                 unit=nomination.decider_unit,
                 data={"comment": comment.pk, "old": {"status": old}, "new": {"status": comment.status}})
    return comment


@transaction.atomic
def comment_resolve(*, comment: DisclosureComment, response: str, acting_user) -> DisclosureComment:
    comment, nomination = _lock_comment(comment, acting_user)
    response = (response or "").strip()
    if not response:
        raise ValidationError(ERR_RESPONSE)
    comment.response = response
    comment.resolved_by, comment.resolved_at = acting_user, timezone.now()
    comment.save(update_fields=["response", "resolved_by", "resolved_at"])
    audit_record(actor=acting_user, action="disclosure.comment_resolved", target=nomination,
                 unit=nomination.decider_unit, data={"comment": comment.pk}, reason=response)
    return comment


# ---------------------------------------------------------------- reads


def disclosure_list_for(user):
    """Staff side: disclosures of nominations the user's level decides or proposes."""
    return (
        Disclosure.objects.filter(scope_q(user, "nomination__decider_unit") | scope_q(user, "nomination__unit"))
        .select_related("nomination", "nomination__unit", "nomination__decider_unit")
        .distinct()
    )


def disclosure_get_for_user(user, pk) -> Disclosure:
    return one_or_404(disclosure_list_for(user), pk)


def comment_get_for_user(user, pk) -> DisclosureComment:
    obj = (
        DisclosureComment.objects.filter(pk=pk, disclosure__in=disclosure_list_for(user).values("pk"))
        .select_related("disclosure")
        .first()
    )
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def public_disclosures(day=None):
    """What the law makes public: lists whose disclosure period is running."""
    day = day or timezone.localdate()
    return (
        Disclosure.objects.filter(start__lte=day, end__gte=day)
        .select_related("nomination", "nomination__unit", "nomination__decider_unit")
        .order_by("end", "id")
    )


def public_disclosure_get(pk) -> Disclosure:
    # Ended disclosures stay readable (the public can see the answers); drafts never exist here.
    obj = Disclosure.objects.filter(pk=pk).select_related("nomination", "nomination__unit").first()
    if obj is None:
        raise Http404("Không tìm thấy danh sách công khai.")
    return obj


def disclosure_blocking_reason(nomination, on=None) -> str | None:
    """Why a decision may not yet be issued for ``nomination`` because of its public disclosure.

    For the awards side (decision_issue): None when nothing blocks; otherwise a Vietnamese
    reason — the disclosure period is still running, or a public comment is not yet resolved
    (the clerk must answer every comment before the decision, domain §7 / issue 5 item 4).
    ``on`` is the decision's own date: a decision recorded after the period may still not be
    dated inside it, else it would predate the public's last day to comment.
    """
    today = timezone.localdate()
    for d in Disclosure.objects.filter(nomination=nomination):
        if today <= d.end:  # running, or scheduled and not yet over
            return BLOCK_RUNNING.format(end=format_date(d.end))
        if on is not None and on <= d.end:
            return BLOCK_DATED.format(day=format_date(on), end=format_date(d.end))
    unresolved = DisclosureComment.objects.filter(disclosure__nomination=nomination, resolved_at__isnull=True).count()
    if unresolved:
        return BLOCK_COMMENTS.format(n=unresolved)
    return None

"""Hội đồng Thi đua – Khen thưởng: members, sessions, the secret e-ballot; public disclosure.

domain.md §7: quorum and thresholds on the TOTAL membership come from the rulebook; a member
does not vote on their own nomination or unit; at most two rounds, then the head decides.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from thidua.awards.models import Nomination, NominationEntry
from thidua.org.models import Unit


class Council(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="councils", verbose_name="cấp / đơn vị")
    name = models.CharField("tên hội đồng", max_length=200)
    term_start = models.DateField("nhiệm kỳ từ ngày")
    term_end = models.DateField("đến ngày", null=True, blank=True)
    basis = models.CharField("quyết định thành lập", max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit__path", "-term_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")), name="council_term_range"
            ),
        ]
        verbose_name = "hội đồng thi đua – khen thưởng"
        verbose_name_plural = "hội đồng thi đua – khen thưởng"

    def __str__(self):
        return self.name

    def covers(self, day) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chủ tịch Hội đồng"
    VICE_CHAIR = "vice_chair", "Phó Chủ tịch Hội đồng"
    SECRETARY = "secretary", "Thư ký Hội đồng"
    MEMBER = "member", "Ủy viên"


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_memberships")
    role = models.CharField("vai trò", max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày", null=True, blank=True)

    class Meta:
        ordering = ["council", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="one_membership_per_council_user"),
            models.UniqueConstraint(
                fields=["council"], condition=Q(role="chair", end__isnull=True), name="one_active_chair_per_council"
            ),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="member_range"),
        ]
        verbose_name = "thành viên hội đồng"
        verbose_name_plural = "thành viên hội đồng"

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def name(self) -> str:
        from thidua.formatting import full_name  # Vietnamese order: "Võ Thanh Tuấn"

        return full_name(self.user)

    def active_on(self, day) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class SessionStatus(models.TextChoices):
    PLANNED = "planned", "Đã lên lịch"
    OPEN = "open", "Đang họp"
    CLOSED = "closed", "Đã kết thúc"


class Session(models.Model):
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sessions")
    number = models.PositiveIntegerField("phiên số")
    date = models.DateField("ngày họp")
    place = models.CharField("địa điểm", max_length=200)
    title = models.CharField("nội dung", max_length=300)
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    # Snapshot at the opening: the thresholds are counted on the membership of that day.
    total_members = models.PositiveSmallIntegerField(null=True, blank=True)
    quorum_met = models.BooleanField(default=False)
    present = models.ManyToManyField(CouncilMember, blank=True, related_name="sessions_attended")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-number"]
        constraints = [models.UniqueConstraint(fields=["council", "number"], name="one_session_number_per_council")]
        verbose_name = "phiên họp"
        verbose_name_plural = "phiên họp"

    def __str__(self):
        return f"Phiên họp số {self.number} – {self.council.name}"


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="council_agenda_items")
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="nomination_once_per_session")]

    def __str__(self):
        return str(self.nomination)


class Outcome(models.TextChoices):
    PENDING = "pending", "Chưa bỏ phiếu"
    PASSED = "passed", "Đạt"
    FAILED = "failed", "Không đạt"
    HEAD_PENDING = "head_pending", "Chờ Chủ tịch Hội đồng quyết định"
    HEAD_DECIDED = "head_decided", "Chủ tịch Hội đồng quyết định"


class Nominee(models.Model):
    """One NominationEntry on the agenda: the unit of the ballot."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="nominees")
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="nominees")
    # SET_NULL + snapshot: the vote record outlives a later edit of a returned nomination.
    entry = models.ForeignKey(NominationEntry, null=True, on_delete=models.SET_NULL, related_name="council_nominees")
    display_name = models.CharField(max_length=200)
    award_code = models.CharField(max_length=30)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    head_approved = models.BooleanField(null=True, blank=True)
    head_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["agenda_item__order", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "entry"], name="entry_once_per_session")]
        verbose_name = "người / tập thể được xem xét"

    def __str__(self):
        return self.display_name

    @property
    def finally_passed(self) -> bool:
        return self.outcome == Outcome.PASSED or (self.outcome == Outcome.HEAD_DECIDED and bool(self.head_approved))


class RoundStatus(models.TextChoices):
    OPEN = "open", "Đang bỏ phiếu"
    CLOSED = "closed", "Đã kiểm phiếu"


class BallotRound(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField("vòng")
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="one_round_number_per_session"),
            models.UniqueConstraint(fields=["session"], condition=Q(status="open"), name="one_open_round_per_session"),
            models.CheckConstraint(condition=Q(number__gte=1), name="round_number_positive"),
        ]

    def __str__(self):
        return f"Vòng {self.number}"


class RoundResult(models.Model):
    """A nominee's place in a round; the counts are written only when the round is closed."""

    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="results")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="results")
    total_members = models.PositiveSmallIntegerField(default=0)
    present = models.PositiveSmallIntegerField(default=0)
    recused = models.PositiveSmallIntegerField(default=0)
    agree = models.PositiveSmallIntegerField(default=0)
    disagree = models.PositiveSmallIntegerField(default=0)
    written_agree = models.PositiveSmallIntegerField(default=0)
    written_disagree = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(null=True)
    reasons = models.JSONField(default=list)

    class Meta:
        ordering = ["round__number", "nominee__id"]
        constraints = [models.UniqueConstraint(fields=["round", "nominee"], name="nominee_once_per_round")]

    def __str__(self):
        return f"{self.nominee} – {self.round}"

    @property
    def total_agree(self) -> int:
        return self.agree + self.written_agree

    @property
    def total_disagree(self) -> int:
        return self.disagree + self.written_disagree


class VoterReceipt(models.Model):
    """ "This member has voted on this nominee in this round" — and nothing about how.

    The database refuses a second receipt (one ballot per member per nominee per round,
    architecture.md Habit 5); the door writes the receipt and the sealed choice in one
    transaction, so a refused second vote leaves no second choice either.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="receipts")
    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="receipts")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="receipts")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="receipts")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "nominee", "member"], name="one_vote_per_member_nominee_round"),
        ]

    def __str__(self):
        return f"Đã bỏ phiếu: {self.member} – {self.nominee}"


class Choice(models.TextChoices):
    AGREE = "agree", "Đồng ý"
    DISAGREE = "disagree", "Không đồng ý"


class SealedBallot(models.Model):
    """The secret half of a vote while its round is open (bỏ phiếu kín, domain §7), sealed.

    A vote is one transaction that writes the receipt and this row together, so on PostgreSQL
    the two share a transaction id (`xmin`) and sit in the same physical order: whatever this
    row holds is linked to the voter. It therefore holds nothing an observer of the database
    can read: a random nonce and an HMAC-SHA256 tag over (round, nominee, nonce, choice) under a
    key derived from settings.BALLOT_SEAL_KEY, which lives outside the database (ballot_box).
    No foreign key to the member, no timestamp, a random primary key; agree and disagree seals
    have the same size. The count opens the seals, writes the plain BallotChoice rows in one
    batch and deletes the seals.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="seals")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="seals")
    nonce = models.BinaryField(max_length=16)
    tag = models.BinaryField(max_length=32)

    def __str__(self):
        return "Phiếu kín (đã niêm phong)"


class BallotChoice(models.Model):
    """The counted ballots of a closed round: what each paper said, with nobody's name on it.

    Written only by the count (round_close), all in one transaction, in a canonical order
    (nominee, then choice) with random UUIDs: every row carries the same transaction id, and
    their physical order and keys are a function of the tally alone, so they say nothing the
    RoundResult counts do not. Never updated, so no dead row versions either. No foreign key to
    the user or the member, no timestamp.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="choices")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="choices")
    choice = models.CharField(max_length=10, choices=Choice.choices)

    def __str__(self):
        return self.get_choice_display()


class WrittenOpinion(models.Model):
    """Phiếu ý kiến bằng văn bản of an absent member, entered by the secretary (not secret: signed)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="written_opinions")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="written_opinions")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="written_opinions")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nominee", "member"], name="one_written_opinion_per_member_nominee"),
        ]

    def __str__(self):
        return f"Ý kiến bằng văn bản: {self.member} – {self.nominee}"


class BackupCode(models.Model):
    """A one-time backup code for the second factor (lost phone): stored only as a keyed hash."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="otp_backup_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "mã dự phòng xác thực hai lớp"
        verbose_name_plural = "mã dự phòng xác thực hai lớp"

    def __str__(self):
        return f"Mã dự phòng của {self.user}"

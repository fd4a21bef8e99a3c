"""The files of awards the background worker makes (notifications.files): a decision's certificates."""

from thidua.notifications.files import builder, file_job_start

from . import documents
from .models import GrantStatus
from .selectors import decision_get_for_user

KIND_CERTIFICATES = "certificates"


def certificates_job_start(*, decision, acting_user, back_url: str = ""):
    """Queue the decision's certificates as one PDF (the caller read the decision through the user's scope)."""
    count = decision.grants.filter(status=GrantStatus.VALID).count()
    return file_job_start(kind=KIND_CERTIFICATES, acting_user=acting_user, back_url=back_url, total=count,
                          title=f"Giấy chứng nhận theo Quyết định số {decision.number_text} ({count} giấy)",
                          params={"decision_id": decision.pk})


@builder(KIND_CERTIFICATES)
def certificates_build(job, progress):
    decision = decision_get_for_user(job.requested_by, job.params["decision_id"])
    grants = list(decision.grants.select_related("decision", "decision__issuer").order_by("id"))
    pdf = documents.certificates_pdf(grants, progress=progress)
    return f"giay-chung-nhan-qd-{decision.number:02d}-{decision.year}.pdf", "application/pdf", pdf

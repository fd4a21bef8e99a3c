import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.audit.models import AuditEntry
from thidua.awards import proposals
from thidua.awards.models import Nomination
from thidua.emulation import selectors, services
from thidua.emulation.models import PledgeSignature, ScoreLine


def test_it_signs_the_pledge_by_member_heads_only(cast, org, cluster, third):
    pledge = cluster.pledge
    services.pledge_sign(acting_user=cast.chairman, pledge=pledge)
    sig = PledgeSignature.objects.get()
    assert sig.unit == org.binh_an and sig.signer_name == "Võ Thanh Tuấn"
    assert AuditEntry.objects.filter(action="pledge.signed", data__unit="Xã Bình An").exists()
    with pytest.raises(ValidationError) as exc:
        services.pledge_sign(acting_user=third.user, pledge=pledge)
    assert exc.value.messages == ["Chỉ người đứng đầu một đơn vị thành viên của cụm mới được ký giao ước."]
    with pytest.raises(ValidationError):
        services.pledge_sign(acting_user=cast.clerk, pledge=pledge)  # a clerk is not the head
    assert PledgeSignature.objects.count() == 1
    with pytest.raises(ValidationError):  # signed pledges are frozen
        services.pledge_save(acting_user=cast.clerk, cluster=cluster, title="Khác")


def test_it_lets_only_the_leader_clerk_edit_cluster_data(cast, cluster):
    with pytest.raises(PermissionDenied):
        services.pledge_save(acting_user=cast.outsider, cluster=cluster, title="X")
    with pytest.raises(PermissionDenied):
        services.criterion_add(acting_user=cast.province_officer, cluster=cluster, code="9", name="X", max_points="1")


def test_it_scopes_the_cluster_pages(client, cast, cluster, third):
    url = reverse("emulation:cluster-detail", args=[cluster.pk])
    for user, code in [(cast.clerk, 200), (cast.outsider, 200), (cast.province_officer, 200), (third.user, 404)]:
        client.force_login(user)
        assert client.get(url).status_code == code
    client.force_login(third.user)
    for name in ["emulation:pledge-sign", "emulation:pledge-edit", "emulation:criterion-add",
                 "awards:ranking-propose"]:
        assert client.post(reverse(name, args=[cluster.pk]), {"title": "x"}).status_code == 404
    assert not PledgeSignature.objects.exists()


def test_it_signs_by_click_on_the_page_and_refuses_a_viewer(client, cast, cluster):
    client.force_login(cast.province_officer)
    response = client.post(reverse("emulation:pledge-sign", args=[cluster.pk]), follow=True)
    assert "Chỉ người đứng đầu" in response.content.decode() and not PledgeSignature.objects.exists()
    client.force_login(cast.outsider)
    client.post(reverse("emulation:pledge-sign", args=[cluster.pk]))
    assert PledgeSignature.objects.get().unit == cluster.deputy


def _score(cast, org, cluster, criteria, ban, bti):
    a = services.scorecard_self_score(acting_user=cast.clerk, cluster=cluster, unit=org.binh_an,
                                      points=dict(zip([criteria.a, criteria.discipline, criteria.bonus,
                                                       criteria.penalty], ban, strict=True)))
    b = services.scorecard_self_score(acting_user=cast.outsider, cluster=cluster, unit=org.other,
                                      points=dict(zip([criteria.a, criteria.discipline, criteria.bonus,
                                                       criteria.penalty], bti, strict=True)))
    return a, b


def test_it_refuses_a_score_above_the_maximum(cast, org, cluster, criteria):
    with pytest.raises(ValidationError) as exc:
        services.scorecard_self_score(acting_user=cast.clerk, cluster=cluster, unit=org.binh_an,
                                      points={criteria.a: "11"})
    assert exc.value.messages == ["Điểm tiêu chí “Tiêu chí 1” phải từ 0 đến 10."]
    assert not ScoreLine.objects.exists()
    with pytest.raises(PermissionDenied):
        services.scorecard_self_score(acting_user=cast.outsider, cluster=cluster, unit=org.binh_an,
                                      points={criteria.a: "1"})


def test_it_reviews_never_own_and_ranks_with_tie_break_then_proposes(cast, org, cluster, criteria, settings):
    a, b = _score(cast, org, cluster, criteria, ["10", "18", "2", "0"], ["10", "20", "0", "0"])
    assert a.self_total == b.self_total == 30
    for card, user in [(a, cast.clerk), (b, cast.outsider)]:
        services.scorecard_submit(acting_user=user, scorecard=card)
    with pytest.raises(PermissionDenied):
        services.scorecard_review_complete(acting_user=cast.clerk, scorecard=a)  # own score
    with pytest.raises(ValidationError):
        services.scorecard_adjust(acting_user=cast.clerk, scorecard=b, criterion=criteria.a, points="12", reason="x")
    services.scorecard_adjust(acting_user=cast.clerk, scorecard=b, criterion=criteria.a, points="9",
                              reason="Thiếu minh chứng")
    assert AuditEntry.objects.filter(action="scorecard.adjusted", reason="Thiếu minh chứng").exists()
    services.scorecard_adjust(acting_user=cast.clerk, scorecard=b, criterion=criteria.a, points="10",
                              reason="Đã bổ sung")
    services.scorecard_review_complete(acting_user=cast.clerk, scorecard=b)
    services.scorecard_review_complete(acting_user=cast.outsider, scorecard=a)  # the deputy reviews the leader
    ranking = selectors.ranking_for(cluster)
    assert [r.unit for r in ranking] == [org.other, org.binh_an]  # tie: higher discipline first
    settings.EMULATION_TIE_BREAK = ["bonus", "discipline", "women_led"]
    assert [r.unit for r in selectors.ranking_for(cluster)] == [org.binh_an, org.other]
    with pytest.raises(PermissionDenied):
        proposals.ranking_propose(acting_user=cast.clerk, cluster=cluster)
    made = proposals.ranking_propose(acting_user=cluster.district_officer, cluster=cluster)
    assert [(p.unit, p.award_code) for p in made] == [(org.binh_an, "CO_TINH"), (org.other, "BK_TINH")]
    n = Nomination.objects.get(award_code="CO_TINH")
    assert n.status == "draft" and n.unit == org.binh_an and n.decider_unit == org.province
    assert n.entries.get().recipient_unit == org.binh_an
    with pytest.raises(ValidationError):
        proposals.ranking_propose(acting_user=cluster.district_officer, cluster=cluster)


def test_it_requires_evidence_where_the_criterion_says_so(cast, org, cluster):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = services.criterion_add(acting_user=cast.clerk, cluster=cluster, code="1", name="Hồ sơ", max_points="5",
                               evidence_required=True)
    card = services.scorecard_self_score(acting_user=cast.clerk, cluster=cluster, unit=org.binh_an, points={c: "5"})
    with pytest.raises(ValidationError):
        services.scorecard_submit(acting_user=cast.clerk, scorecard=card)
    with pytest.raises(ValidationError):
        services.scorecard_self_score(acting_user=cast.clerk, cluster=cluster, unit=org.binh_an, points={},
                                      evidence={c: SimpleUploadedFile("x.exe", b"x")})
    services.scorecard_self_score(acting_user=cast.clerk, cluster=cluster, unit=org.binh_an, points={},
                                  evidence={c: SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4")})
    services.scorecard_submit(acting_user=cast.clerk, scorecard=card)


def test_it_suggests_rotation(cast, org, cluster, third):
    leader, deputy = selectors.rotation_suggest(organiser=org.district, name="Cụm các xã",
                                                members=[org.binh_an, org.other, third.unit], year=2025)
    assert leader == org.other and deputy == third.unit

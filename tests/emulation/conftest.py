import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def third(org, make_user):
    """A commune outside the cluster, with its own clerk and head (the stranger)."""
    from thidua.org.models import Kind, Level
    from thidua.org.services import unit_create

    unit = unit_create(acting_user=None, code="BTH", name="Xã Bình Thạnh", level=Level.COMMUNE,
                       kind=Kind.PEOPLES_COMMITTEE, parent=org.district)
    user = make_user("stranger", unit, ["clerk", "head"], "Trần Văn Lạ")
    return type("Third", (), dict(unit=unit, user=user))


@pytest.fixture
def movement(cast, org):
    from thidua.emulation import services

    m = services.movement_launch(acting_user=cast.province_officer, launched_by=org.province, year=2024,
                                 title="Phong trào thi đua năm 2024", contents=["Nội dung một", "Nội dung hai"])
    services.target_add(acting_user=cast.province_officer, movement=m, name="Ngày công", measure="ngày công",
                        planned_value="100")
    return m


@pytest.fixture
def cluster(cast, org, make_user):
    """Organised by the district: Bình An leads, Ba Tiêu is the deputy member (its clerk+head = cast.outsider)."""
    from thidua.emulation import services

    district_officer = make_user("district", org.district, ["clerk"], "Phạm Văn Huyện")
    c = services.cluster_create(acting_user=district_officer, organiser=org.district, name="Cụm các xã", year=2024,
                                members=[org.binh_an, org.other], leader=org.binh_an, deputy=org.other)
    services.pledge_save(acting_user=cast.clerk, cluster=c, title="Giao ước thi đua năm 2024",
                         common_targets=["100% cán bộ hoàn thành tốt nhiệm vụ"])
    c.district_officer = district_officer
    return c


@pytest.fixture
def criteria(cluster, cast):
    from thidua.emulation import services

    def add(code, max_points, **kw):
        return services.criterion_add(acting_user=cast.clerk, cluster=cluster, code=code, name=f"Tiêu chí {code}",
                                      max_points=max_points, **kw)

    return type("C", (), dict(a=add("1", "10"), discipline=add("2", "20", tie_key="discipline"),
                              bonus=add("3", "5", kind="bonus"), penalty=add("4", "5", kind="penalty")))


def day(y, m, d):
    return dt.datetime(y, m, d, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))

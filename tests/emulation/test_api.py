import json

from thidua.emulation.models import Movement, PledgeSignature, Result


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_it_serves_movements_and_results_through_the_api(client, cast, org, movement):
    client.force_login(cast.clerk)
    assert any(m["id"] == movement.pk for m in client.get("/api/emulation/movements").json())
    target = movement.targets.get()
    bad = _post(client, f"/api/emulation/movements/{movement.pk}/results",
                {"target": target.pk, "unit": org.binh_an.pk, "year": 2024, "value": "abc"})
    assert bad.status_code == 400 and "không phải là số" in bad.json()["detail"] and not Result.objects.exists()
    ok = _post(client, f"/api/emulation/movements/{movement.pk}/results",
               {"target": target.pk, "unit": org.binh_an.pk, "year": 2024, "value": "120"})
    assert ok.status_code == 201
    got = client.get(f"/api/emulation/movements/{movement.pk}").json()
    assert got["results"]["summary"] == "1/1 chỉ tiêu hoàn thành, 1 vượt mức"
    assert got["contents"][0]["label"] == "Một là"
    other = _post(client, f"/api/emulation/movements/{movement.pk}/results",
                  {"target": target.pk, "unit": org.other.pk, "year": 2024, "value": "1"})
    assert other.status_code == 404
    client.force_login(cast.chairman)
    denied = _post(client, "/api/emulation/movements", {"launched_by": org.binh_an.pk, "title": "X", "year": 2024})
    assert denied.status_code == 404 and Movement.objects.count() == 1


def test_it_signs_and_scopes_clusters_through_the_api(client, cast, cluster, third):
    client.force_login(third.user)
    assert client.get(f"/api/emulation/clusters/{cluster.pk}").status_code == 404
    assert client.post(f"/api/emulation/clusters/{cluster.pk}/pledge/sign").status_code == 404
    client.force_login(cast.province_officer)
    refused = client.post(f"/api/emulation/clusters/{cluster.pk}/pledge/sign")
    assert refused.status_code == 400 and "người đứng đầu" in refused.json()["detail"]
    client.force_login(cast.chairman)
    assert client.post(f"/api/emulation/clusters/{cluster.pk}/pledge/sign").status_code == 201
    assert PledgeSignature.objects.count() == 1
    assert client.get(f"/api/emulation/clusters/{cluster.pk}/ranking").status_code == 200


def test_it_registers_through_the_api(client, cast, org, people, movement):
    client.force_login(cast.clerk)
    r = _post(client, "/api/emulation/registrations", {"movement": movement.pk, "year": 2024, "unit": org.binh_an.pk,
                                                       "rows": [{"person": people.van.pk, "award_code": "LDTT"}]})
    assert r.status_code == 201
    pk = r.json()[0]["id"]
    assert client.post(f"/api/emulation/registrations/{pk}/approve").status_code == 403
    client.force_login(cast.province_officer)
    assert client.post(f"/api/emulation/registrations/{pk}/approve").json()["status"] == "approved"

"""OpenAPI schema and Swagger docs: served locally, within our CSP."""

import re

from django.contrib.staticfiles import finders


def test_it_serves_the_openapi_schema_with_every_path(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "ThiĐua API"
    paths = set(schema["paths"])
    for path in [
        "/api/org/units", "/api/org/units/{unit_id}", "/api/org/units/{unit_id}/grants",
        "/api/org/people", "/api/org/people/{person_id}", "/api/org/people/{person_id}/grants",
        "/api/awards/grants", "/api/awards/grants/{grant_id}", "/api/awards/grants/{grant_id}/certificate.pdf",
        "/api/awards/nominations", "/api/awards/nominations/{nomination_id}",
        "/api/awards/nominations/{nomination_id}/entries",
        "/api/awards/nominations/{nomination_id}/entries/{entry_id}",
        "/api/awards/nominations/{nomination_id}/entries/{entry_id}/override",
        "/api/awards/nominations/{nomination_id}/submit", "/api/awards/nominations/{nomination_id}/approve",
        "/api/awards/nominations/{nomination_id}/return", "/api/awards/nominations/{nomination_id}/decision",
        "/api/awards/decisions", "/api/awards/decisions/{decision_id}", "/api/awards/decisions/{decision_id}/docx",
        "/api/awards/decisions/{decision_id}/pdf", "/api/awards/decisions/{decision_id}/certificates.pdf",
        "/api/tokens", "/api/tokens/{token_id}",
    ]:
        assert path in paths, path
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}
    assert "yyyy-mm-dd" in schema["info"]["description"]


def test_it_serves_the_docs_page_from_our_own_static_files(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/openapi.json" in html
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs, html
    for ref in refs:
        assert ref.startswith("/static/"), ref
        assert finders.find(ref.removeprefix("/static/")), ref
    assert "http://" not in html and "https://" not in html
    assert '"validatorUrl": null' in html


def test_it_runs_no_inline_script_on_the_docs_page(client, db):
    response = client.get("/api/docs")
    csp = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", csp).group(1).split()
    assert script_src == ["'self'"]
    html = response.content.decode()
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        # Either an external file or inert JSON data (CSP does not apply to non-script types).
        assert "src=" in attrs or 'type="application/json"' in attrs, attrs
        if "src=" in attrs:
            assert not body.strip()
    assert not re.search(r"\son[a-z]+\s*=", html)  # no onload=/onclick= handlers either


def test_it_serves_a_schema_without_duplicate_keys(client, db):
    # Swagger UI parses the schema with a YAML parser that rejects duplicate keys and then
    # shows a blank page; JSON parsers silently keep the last one, so check the raw text.
    import json

    duplicates = []

    def hook(pairs):
        keys = [k for k, _ in pairs]
        duplicates.extend({k for k in keys if keys.count(k) > 1})
        return dict(pairs)

    json.loads(client.get("/api/openapi.json").content, object_pairs_hook=hook)
    assert duplicates == []

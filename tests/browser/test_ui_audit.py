"""A crawl audit of every page the demo users can reach, kept as a permanent test.

For each demo user (and an anonymous visitor) the crawler follows same-origin links from the
home page, breadth first, to depth 3, and checks each page the way a Vietnamese user would see
it: no server error, no console error or CSP violation, nothing loaded from another origin, no
English interface words, dates as dd/mm/yyyy and no Python reprs leaking into the text. It then
sends bad input through the main create forms and expects a Vietnamese error, never a 500.
"""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from django.core.management import call_command

from thidua.accounts.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

MAX_DEPTH = 3
MAX_PAGES = 150
# Pages of one view differ only by the object shown; a few of each keep the crawl short.
MAX_PER_VIEW = 4

# Skipped: leaving the session, files (checked by their own tests), the API and its Swagger UI
# (a developer tool, tested in test_api_docs.py), Django's admin (staff only), static files.
SKIP_PATH = re.compile(
    r"/dang-xuat/|/api/|/quan-tri/|/static/|/media/|\.(docx|pdf|xlsx|csv|zip)$|/tai-ve|/docx/$|/pdf/$"
)

# English interface words, as whole words; case-sensitive so "No" does not match "no" (đủ).
ENGLISH_WORDS = [
    "Submit", "Save", "Cancel", "Delete", "Edit", "Search", "Next", "Previous", "Page", "of", "Loading",
    "Error", "Required", "This field", "Select", "None", "True", "False", "Yes", "No", "Login", "Logout",
    "Log in", "Log out", "Name", "Date", "Status", "Actions", "Details", "Back", "Home", "Welcome", "Add",
    "Remove", "Update", "Create", "Not Found", "Forbidden", "Server Error", "Enter a valid", "Ensure this",
    "field is required", "Download", "Upload", "Filter", "Sort", "Show", "Hide", "Close", "Open", "Confirm",
    "Total", "Description", "Title", "Type", "User", "Password", "Username", "Email", "Settings", "Profile",
    "View", "More", "Reset", "Clear", "Apply", "Choose", "Browse", "No file chosen", "Unknown", "Pending",
    "Approved", "Rejected", "Draft", "Submitted", "Returned", "Decided", "Active", "Inactive",
    "individual", "collective", "eligible", "closed", "draft", "submitted", "approved", "returned",
    "results", "items", "entries", "the", "and", "or", "is", "not", "for", "with",
]
# Proper nouns and codes that may be shown as they are (product name, formats, standards).
WHITELIST = {"API", "PDF", "Excel", "Word", "QR", "TOTP", "ThiĐua", "OpenAPI", "Swagger", "UBND", "HĐND", "CSP"}
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH_WORDS) + r")(?![\w-])")
BAD_DATE_RE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d"
    r"|\b\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\b[ap]\.m\.|\bmidnight\b|\bnoon\b"
)
# Identifiers leaking from code: snake_case names ("issued_on") and action codes ("unit.created").
CODE_RE = re.compile(r"(?<![\w./-])([a-z]+_[a-z_]+|[a-z]+\.[a-z]+_?[a-z_]*)(?![\w/-]|\.\w)")
REPR_RE = re.compile(r"\[\]|\{'|QuerySet|object at 0x|<[A-Z]\w+: |\bNone\b|\bTrue\b|\bFalse\b|\bnan\b")

# What the user sees besides the text: titles, placeholders, labels of buttons and images.
VISIBLE_TEXT_JS = """() => {
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[title], [placeholder], [aria-label], img[alt]')) {
    if (el.closest('[hidden]')) continue;
    for (const a of ['title', 'placeholder', 'aria-label', 'alt']) {
      if (el.getAttribute(a)) parts.push(el.getAttribute(a));
    }
  }
  for (const el of document.querySelectorAll('input[type=submit], input[type=button], input[type=reset]'))
    parts.push(el.value);
  return parts.join('\\n');
}"""
LINKS_JS = "() => Array.from(document.querySelectorAll('a[href]'), a => a.href)"

USERS = [
    "binhan.canbo", "binhan.chutich", "binhan.hoidong", "tinh.bantdkt", "donglien.canbo", "batieu.canbo", None,
]


def text_problems(text: str) -> list[str]:
    found = []
    for m in ENGLISH_RE.finditer(text):
        if m.group(1) not in WHITELIST:
            found.append(f"tiếng Anh {m.group(1)!r} trong «{context(text, m)}»")
    for m in BAD_DATE_RE.finditer(text):
        found.append(f"ngày sai dạng {m.group(0)!r} trong «{context(text, m)}»")
    for m in CODE_RE.finditer(text):
        found.append(f"mã trong chương trình {m.group(0)!r} trong «{context(text, m)}»")
    for m in REPR_RE.finditer(text):
        found.append(f"repr Python {m.group(0)!r} trong «{context(text, m)}»")
    return found


def context(text, m, width=40):
    return text[max(0, m.start() - width): m.end() + width].replace("\n", " ⏎ ")


def view_key(path: str) -> str:
    """Digits stand for the object: /khen-thuong/de-nghi/12/ and /khen-thuong/de-nghi/15/ share a view."""
    return re.sub(r"\d+", "N", path)


class Watcher:
    """Collects console errors, page errors (CSP violations are console errors) and foreign requests."""

    def __init__(self, page, origin):
        self.errors, self.foreign = [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.foreign.append(r.url) if not same_origin(r.url, origin) else None)

    def take(self):
        out = [f"lỗi trình duyệt: {e}" for e in self.errors] + [f"tải từ ngoài: {u}" for u in self.foreign]
        self.errors, self.foreign = [], []
        return out


def same_origin(url, origin):
    p = urlparse(url)
    return p.scheme in ("data", "blob", "about") or f"{p.scheme}://{p.netloc}" == origin


def check_page(page, watcher, status):
    problems = []
    if status is not None and status >= 500:
        problems.append(f"mã lỗi {status}")
    page.wait_for_load_state("load")
    problems += text_problems(page.evaluate(VISIBLE_TEXT_JS))
    return problems + watcher.take()


def crawl(page, origin, watcher):
    """Breadth-first over same-origin links; returns (pages visited, {url: [problems]})."""
    start = origin + "/"
    queue, seen, per_view = deque([(start, 0, None)]), {start}, {}
    visited, report = 0, {}
    while queue and visited < MAX_PAGES:
        url, depth, referrer = queue.popleft()
        path = urlparse(url).path
        key = view_key(path)
        if per_view.get(key, 0) >= MAX_PER_VIEW:
            continue
        per_view[key] = per_view.get(key, 0) + 1
        try:
            response = page.goto(url)
        except Exception as exc:  # a link that turns into a download or aborts
            if "Download is starting" in str(exc) or "net::ERR_ABORTED" in str(exc):
                continue
            raise
        visited += 1
        status = response.status if response else None
        if status == 405:  # a POST-only endpoint behind a plain link would be a bug of its own
            report.setdefault(url, []).append("liên kết tới địa chỉ chỉ nhận POST (405)")
            continue
        problems = check_page(page, watcher, status)
        if status in (403, 404):  # a link the user is shown should lead somewhere they may go
            problems.insert(0, f"liên kết từ {urlparse(referrer or '').path} dẫn tới trang lỗi {status}")
        if problems:
            report[url] = problems
        if depth >= MAX_DEPTH or status != 200 or not same_origin(page.url, origin):
            continue
        for href in page.evaluate(LINKS_JS):
            href = urldefrag(href)[0]
            if not href.startswith(origin) or SKIP_PATH.search(urlparse(href).path) or href in seen:
                continue
            seen.add(href)
            queue.append((href, depth + 1, url))
    return visited, report


def log_in(page, username):
    page.context.clear_cookies()
    if username is None:
        return
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_it_shows_every_reachable_page_in_vietnamese_without_errors(demo, browser_page, live_server):
    page = browser_page
    watcher = Watcher(page, live_server.url)
    all_problems, counts = {}, {}
    for username in USERS:
        log_in(page, username)
        watcher.take()
        counts[username or "ẩn danh"], report = crawl(page, live_server.url, watcher)
        for url, problems in report.items():
            all_problems[f"[{username or 'ẩn danh'}] {url.removeprefix(live_server.url)}"] = problems
    print("Số trang đã duyệt:", counts)
    assert all(n >= 3 for n in counts.values()), counts
    assert not all_problems, "\n".join(f"{url}\n  " + "\n  ".join(p) for url, p in all_problems.items())


# Bad input for the main forms: (user, form page, {field: value}). "" empties a required field;
# the others are an impossible date, a non-number where a number is expected and a choice that is
# not offered. A page given as (list page, link pattern) is the first linked page that matches.
BAD_INPUTS = [
    ("binhan.canbo", "/to-chuc/ca-nhan/them/", {"full_name": "", "start_date": "31/02/2024", "gender": "x"}),
    ("binhan.canbo", "/to-chuc/ca-nhan/them/", {"full_name": "Nguyễn Văn Thử", "date_of_birth": "abc"}),
    ("tinh.bantdkt", "/to-chuc/don-vi/them/", {"name": "", "code": "", "valid_from": "31/02/2024", "level": "x"}),
    ("tinh.bantdkt", "/to-chuc/sap-nhap/", {"name": "", "effective_date": "31/02/2024"}),
    ("binhan.canbo", "/khen-thuong/de-nghi/them/", {"title": "", "year": "hai nghìn", "award_code": "XYZ"}),
    ("binhan.canbo", "/khen-thuong/de-nghi/them/", {"title": "Thử", "year": "1800"}),
    ("binhan.canbo", "/hoi-dong/them/", {"name": "", "term_start": "31/02/2024"}),
    ("binhan.canbo", ("/hoi-dong/", r"/hoi-dong/\d+/$"), {"date": "31/02/2024", "place": ""}),
    ("binhan.canbo", ("/hoi-dong/", r"/hoi-dong/\d+/$"), {"start": "31/02/2024", "role": "x"}),
    ("binhan.canbo", "/thi-dua/phong-trao/them/", {"title": "", "year": "abc", "start_date": "31/02/2024"}),
    ("binhan.canbo", ("/thi-dua/", r"/thi-dua/phong-trao/\d+/$"), {"name": "", "higher_is_better": "x"}),
    ("binhan.canbo", ("/thi-dua/", r"/thi-dua/phong-trao/\d+/$"), {"deadline": "31/02/2024", "year": "abc"}),
    ("binhan.canbo", ("/thi-dua/", r"/thi-dua/phong-trao/\d+/$"), {"held_on": "", "year": "năm nay"}),
    ("donglien.canbo", "/thi-dua/cum/them/", {"name": "", "year": "abc"}),
    ("donglien.canbo", ("/thi-dua/", r"/thi-dua/cum/\d+/$"), {"code": "", "max_points": "mười"}),
    ("donglien.canbo", ("/thi-dua/", r"/thi-dua/cum/\d+/$"), {"code": "9", "name": "Thử", "max_points": "mười"}),
]

FILL_JS = """([values]) => {
  const names = Object.keys(values);
  const form = Array.from(document.querySelectorAll('main form[method=post]'))
    .find(f => names.every(n => f.elements[n]));
  if (!form) throw new Error('không có biểu mẫu với các trường ' + names.join(', '));
  form.noValidate = true;
  for (const [name, value] of Object.entries(values)) {
    const el = form.elements[name];
    if (el.tagName === 'SELECT') el.add(new Option(value, value));
    else if (el.tagName === 'INPUT') el.type = 'text';
    el.value = value;
  }
  form.setAttribute('data-audit', '1');
}"""


def open_form_page(page, url):
    if isinstance(url, str):
        return page.goto(url)
    start, pattern = url
    page.goto(start)
    href = next(h for h in page.evaluate(LINKS_JS) if re.search(pattern, urlparse(h).path))
    return page.goto(href)


def test_it_answers_bad_input_on_the_main_forms_in_vietnamese(demo, browser_page, live_server):
    page = browser_page
    watcher = Watcher(page, live_server.url)
    failures = []
    for username, url, values in BAD_INPUTS:
        log_in(page, username)
        open_form_page(page, url)
        watcher.take()
        page.evaluate(FILL_JS, [values])
        # The form may be folded away in a <details>, as the user finds it: unfold it (every one
        # holding the audited form, so the submit button is visible whatever the page order).
        page.evaluate("""() => document.querySelectorAll('details').forEach(d => {
            if (d.querySelector('form[data-audit]')) d.open = true; })""")
        with page.expect_response(lambda r: r.request.method == "POST") as posted:
            page.locator("form[data-audit] [type=submit]").last.click()
        status = posted.value.status
        page.wait_for_load_state("networkidle")
        problems = check_page(page, watcher, status)
        errors = [e.strip() for e in page.locator(".errorlist, .flash-error").all_inner_texts() if e.strip()]
        if status >= 500 or not errors:  # detail pages' forms redirect back with flash messages
            problems.append(f"không thấy thông báo lỗi (mã {status}): {errors}")
        if problems:
            failures.append(f"[{username}] {url} {values}\n  " + "\n  ".join(problems))
        print(username, url, values, "→", status, errors)
    assert not failures, "\n".join(failures)

"""`manage.py eligibility --input FILE.json`: the stable JSON contract of the rulebook (docs/eligibility.md),
a thin wrapper over thidua.rulebook.cli.run; `--unit CODE --year Y` prints a unit's candidates from the database."""
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from thidua.awards import eligibility as services
from thidua.org.models import Unit
from thidua.rulebook.cli import run
from thidua.rulebook.dates import parse_date
from thidua.rulebook.errors import InputError, RulebookError

EXIT_INPUT = 2
ERR_ONE_MODE = "Dùng --input TỆP.json hoặc --unit MÃ_ĐƠN_VỊ --year NĂM (không dùng cả hai)."
ERR_NOT_FOUND = "Không tìm thấy tệp '{path}'"
ERR_JSON = "Tệp không phải JSON hợp lệ: {error}"
ERR_UNIT = "Không tìm thấy đơn vị có mã '{code}'"
ERR_YEAR = "Thiếu --year (năm xét) khi dùng --unit"
ERR_DATE = "Ngày quyết định phải từ 01/01/2024 (bộ quy tắc cũ hơn chưa được mã hóa)"


class Command(BaseCommand):
    help = ("Xét điều kiện khen thưởng: --input TỆP.json (định dạng trong docs/eligibility.md, '-' đọc từ stdin) "
            "in kết quả JSON; --unit MÃ --year NĂM in danh sách xét của đơn vị từ cơ sở dữ liệu.")

    def add_arguments(self, parser):
        parser.add_argument("--input", help="tệp JSON hồ sơ (hoặc '-' để đọc từ stdin)")
        parser.add_argument("--unit", help="mã đơn vị (ví dụ BAN)")
        parser.add_argument("--year", type=int, help="năm xét")
        parser.add_argument("--decision-date", help="ngày quyết định (yyyy-mm-dd hoặc dd/mm/yyyy)")
        parser.add_argument("--code", action="append", help="chỉ xét mã này (lặp lại được)")

    def handle(self, *args, **opts):
        if bool(opts["input"]) == bool(opts["unit"]):
            return self._fail([ERR_ONE_MODE])
        if opts["input"]:
            return self._from_file(opts["input"])
        return self._from_database(opts)

    def _fail(self, messages):
        self.stdout.write(json.dumps({"errors": messages}, ensure_ascii=False, indent=2))
        for m in messages:
            self.stderr.write(f"Lỗi: {m}")
        sys.exit(EXIT_INPUT)

    def _emit(self, result):
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _from_file(self, path):
        try:
            if path == "-":
                payload = json.load(sys.stdin)
            else:
                with open(path, encoding="utf-8") as fh:
                    payload = json.load(fh)
        except FileNotFoundError:
            return self._fail([ERR_NOT_FOUND.format(path=path)])
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            return self._fail([ERR_JSON.format(error=e)])
        try:
            result = run(payload)
        except InputError as e:
            return self._fail(e.messages)
        except RulebookError as e:
            return self._fail([str(e)])
        self._emit(result)

    def _from_database(self, opts):
        errors = []
        unit = Unit.objects.filter(code=opts["unit"]).first()
        if unit is None:
            errors.append(ERR_UNIT.format(code=opts["unit"]))
        if opts["year"] is None:
            errors.append(ERR_YEAR)
        dd = None
        if opts["decision_date"]:
            try:
                dd = parse_date(opts["decision_date"], "--decision-date")
            except RulebookError as e:
                errors.append(str(e))
            if dd is not None and dd < services.FIRST_DECISION_DATE:
                errors.append(ERR_DATE)
        if errors:
            return self._fail(errors)
        try:
            result = services.candidates(unit, opts["year"], dd, opts["code"])
        except RulebookError as e:
            raise CommandError(str(e)) from e
        self._emit(_to_json(result))


def _to_json(result) -> dict:
    return {
        "unit": {"id": result.unit.pk, "code": result.unit.code, "name": result.unit.name},
        "year": result.year,
        "decision_date": result.decision_date.isoformat(),
        "ruleset": result.ruleset_id,
        "results": [
            {"kind": r.kind, "id": r.pk, "name": r.name, "unit_name": r.unit_name, "position": r.position,
             "verdicts": [dict(v.to_dict(), granted=v.code in r.granted) for v in r.verdicts]}
            for r in result.rows
        ],
    }

